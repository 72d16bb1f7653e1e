import { resellerDecider, resellerStream } from '@channel-ledger/domain';
import { Actor, EventStore } from '@channel-ledger/event-store';
import { CommandEnvelope } from '../pipeline/command-envelope';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { addSeats, createCustomerOrganization, LedgerContext, publishPlan, purchaseSubscription } from '../use-cases';

/** The moments of the late-recorded seat addition, on both clocks. */
export const lateSeats = {
  resellerId: 'late-resale',
  organizationId: 'late-org',
  subscriptionId: 'sub-late-1',
  purchasedAt: '2026-01-15T09:00:00.000Z',
  purchaseRecordedAt: '2026-01-15T09:00:01.000Z',
  /** The 5 added seats take effect on 1 March (business time)… */
  seatsEffectiveAt: '2026-03-01T00:00:00.000Z',
  /** …but the ledger only learns of them on 15 March (recorded time). */
  seatsRecordedAt: '2026-03-15T10:00:00.000Z',
} as const;

/**
 * A store whose recorded time the test sets: `openStore(clock)` gets a function returning it.
 * Then 10 annual seats bought on 15 January and 5 more with effect on 1 March, entered on 15 March.
 */
export async function runLateSeatsScenario(store: EventStore, setRecordedTime: (iso: string) => void): Promise<void> {
  const s = lateSeats;
  const pipeline = new CommandPipeline(store);
  const ctx = new LedgerContext(store, pipeline);
  const reseller: Actor = { kind: 'reseller', id: s.resellerId };
  const vendor: Actor = { kind: 'vendor-admin', id: 'late-vendor' };
  let n = 0;
  const envelope = (actor: Actor, occurredAt: string): CommandEnvelope => {
    const commandId = `late-${++n}`;
    return { commandId, correlationId: commandId, causationId: commandId, actor, onBehalfOf: null, occurredAt };
  };
  const day0 = '2026-01-10T08:00:00.000Z';
  setRecordedTime(day0);
  const resellerCommand = (type: string, extra: object) =>
    pipeline.execute({
      streamId: resellerStream(s.resellerId),
      decider: resellerDecider,
      envelope: envelope(reseller, day0),
      command: { type, resellerId: s.resellerId, now: day0, actor: reseller, ...extra } as never,
    });
  await resellerCommand('RegisterReseller', {
    companyName: 'Late Resale',
    email: 'sales@late.example',
    partnerKind: 'reseller',
    verificationTokenHash: 'b'.repeat(64),
  });
  await resellerCommand('VerifyResellerEmail', { verificationTokenHash: 'b'.repeat(64) });
  await resellerCommand('AddPaymentMethod', { paymentMethodId: 'card-late', kind: 'card', label: 'Visa 4242' });
  await publishPlan(ctx, envelope(vendor, day0), {
    vendorId: 'late-vendor',
    planId: 'late-plan',
    product: 'GitLens',
    tier: 'pro',
    currency: 'USD',
    prices: { annual: '96.00', monthly: '10.00' },
  });
  setRecordedTime(s.purchaseRecordedAt);
  await createCustomerOrganization(ctx, envelope(reseller, s.purchasedAt), {
    organizationId: s.organizationId,
    vendorId: 'late-vendor',
    name: 'Late Org',
    customerContactEmail: 'it@late-org.example',
  });
  await purchaseSubscription(ctx, envelope(reseller, s.purchasedAt), {
    subscriptionId: s.subscriptionId,
    invoiceId: 'inv-late-1',
    organizationId: s.organizationId,
    planId: 'late-plan',
    billingPeriod: 'annual',
    seats: 10,
    customerContactEmail: 'it@late-org.example',
  });
  setRecordedTime(s.seatsRecordedAt);
  await addSeats(ctx, envelope(reseller, s.seatsEffectiveAt), { subscriptionId: s.subscriptionId, invoiceId: 'inv-late-2', seats: 5 });
}
