import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { acceptOwnership, CommandEnvelope, createCustomerOrganization, LedgerContext, publishPlan } from '@channel-ledger/application';
import { Actor, EventStore, RecordedEvent } from '@channel-ledger/event-store';
import { registerVerifiedReseller } from '../../test/actors';
import { TestSession } from '../../test/sign-in';
import { TestApp } from '../../test/test-app';
import { EVENT_STORE } from '../infrastructure/infrastructure.module';

/*
 * Preconditions owned by other slices (the catalog, organizations, ownership acceptance) are set
 * up through their use cases, as the people who own them would; everything under test goes over HTTP.
 */

export function envelopeAs(t: TestApp, actor: Actor): CommandEnvelope {
  const commandId = randomUUID();
  return { commandId, correlationId: commandId, causationId: commandId, actor, onBehalfOf: null, occurredAt: t.clock.now().toISOString() };
}

const ledger = (t: TestApp) => t.app.get(LedgerContext);

export const PRO = 'gitlens-pro';
export const TEAMS = 'gitlens-teams';
export const ENTERPRISE = 'gitlens-enterprise';
export const OTHER_VENDOR_PLAN = 'lens-pro';

/** vendor-1 sells GitLens Pro (96.00/seat/year), Teams (144.00) and Enterprise (480.00); vendor-2 sells Lens Pro. */
export async function publishCatalog(t: TestApp): Promise<void> {
  const vendor1 = envelopeAs(t, { kind: 'vendor-admin', id: 'vendor-1' });
  const plans = [
    { planId: PRO, tier: 'pro' as const, prices: { annual: '96.00', monthly: '10.00' } },
    { planId: TEAMS, tier: 'teams' as const, prices: { annual: '144.00' } },
    { planId: ENTERPRISE, tier: 'enterprise' as const, prices: { annual: '480.00' } },
  ];
  for (const plan of plans) {
    await publishPlan(
      ledger(t),
      { ...vendor1, commandId: randomUUID() },
      { vendorId: 'vendor-1', product: 'GitLens', currency: 'USD', ...plan },
    );
  }
  await publishPlan(ledger(t), envelopeAs(t, { kind: 'vendor-admin', id: 'vendor-2' }), {
    vendorId: 'vendor-2',
    planId: OTHER_VENDOR_PLAN,
    product: 'Lens',
    tier: 'pro',
    currency: 'USD',
    prices: { annual: '50.00' },
  });
}

export interface TestReseller {
  resellerId: string;
  email: string;
  session: TestSession;
  /** Its card, the default payment method. */
  cardId: string;
}

export async function resellerWithCard(t: TestApp, companyName: string, email: string): Promise<TestReseller> {
  const { resellerId, session } = await registerVerifiedReseller(t, { companyName, email });
  const card = await request(t.http)
    .post(`/resellers/${resellerId}/payment-methods`)
    .set(session.auth)
    .send({ kind: 'card', label: 'Visa •••• 4242', makeDefault: true })
    .expect(201);
  return { resellerId, email, session, cardId: card.body.paymentMethodId };
}

export async function customerOrganization(
  t: TestApp,
  resellerId: string,
  input: { name: string; contact: string; vendorId?: string },
): Promise<string> {
  const organizationId = randomUUID();
  await createCustomerOrganization(ledger(t), envelopeAs(t, { kind: 'reseller', id: resellerId }), {
    organizationId,
    vendorId: input.vendorId ?? 'vendor-1',
    name: input.name,
    customerContactEmail: input.contact,
  });
  return organizationId;
}

/** The customer follows the link in the offer mail (the organizations slice's route; its use case here). */
export async function customerAccepts(t: TestApp, organizationId: string, transferId: string, email: string): Promise<void> {
  await acceptOwnership(ledger(t), envelopeAs(t, { kind: 'customer', id: email }), { organizationId, transferId, byEmail: email });
}

export function eventsOf(t: TestApp, streamId: string): Promise<RecordedEvent[]> {
  return t.app.get<EventStore>(EVENT_STORE).readStream(streamId);
}
