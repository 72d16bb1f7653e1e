import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, openSqliteEventStore } from '@channel-ledger/event-store';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { RuleViolationError } from '../pipeline/errors';
import { runSeedScenario, seed } from '../testing/seed-scenario';
import { issuanceRightDecider, issuanceRightStream } from '@channel-ledger/domain';
import { followUp } from './follow-up';
import { issueLicense } from './licensing.use-cases';
import { LedgerContext } from './ledger-context';
import { requestContactChange } from './organization.use-cases';
import { purchaseSubscription } from './subscription.use-cases';

const at = (occurredAt: string, commandId: string, actor = { kind: 'reseller' as const, id: seed.resellerId }) => ({
  commandId,
  correlationId: commandId,
  causationId: commandId,
  actor,
  onBehalfOf: null,
  occurredAt,
});

describe('use cases: commands whose context comes from other streams', () => {
  let store: EventStore;
  let ctx: LedgerContext;
  beforeEach(async () => {
    store = await openSqliteEventStore({ path: join(mkdtempSync(join(tmpdir(), 'use-cases-')), 'events.sqlite') });
    ctx = new LedgerContext(store, new CommandPipeline(store));
    await runSeedScenario(store);
  });
  afterEach(() => store.close());

  it('records the seed scenario stream by stream', async () => {
    const types = async (streamId: string) => (await store.readStream(streamId)).map((e) => e.type);
    expect(await types(`subscription-${seed.subscriptionId}`)).toEqual([
      'SubscriptionPurchased',
      'InvoiceIssued',
      'SeatsPurchased',
      'InvoiceIssued',
      'SeatAssigned',
    ]);
    expect(await types(`organization-${seed.organizationId}`)).toEqual([
      'CustomerOrganizationCreated',
      'OwnershipTransferInitiated',
      'OwnershipTransferAccepted',
    ]);
    expect(await types(`issuance-right-${seed.rightId}`)).toEqual(['IssuanceRightGranted', 'IssuanceRightConsumed']);
    expect(await types(`license-${seed.licenseId}`)).toEqual(['LicenseIssued']);
    const [, seatsInvoice] = (await store.readStream(`subscription-${seed.subscriptionId}`)).filter((e) => e.type === 'InvoiceIssued');
    // 5 seats × 96.00 × 214 remaining days of 365 (2026-06-15 → 2027-01-15) = 281.42 (half-even).
    expect(seatsInvoice.data).toMatchObject({ total: '281.42', issuedTo: { kind: 'reseller', id: seed.resellerId } });
  });

  it('refuses a purchase for an organization the reseller cannot see, as not found', async () => {
    await expect(
      purchaseSubscription(ctx, at('2026-02-01T00:00:00.000Z', 'p-x'), {
        subscriptionId: 'sub-x',
        invoiceId: 'inv-x',
        organizationId: 'someone-elses-org',
        planId: seed.planId,
        billingPeriod: 'annual',
        seats: 1,
        customerContactEmail: 'x@x.example',
      }),
    ).rejects.toMatchObject({ violation: { code: 'organization-not-found' } });
  });

  it('accepts a contact-change request only with an invoice of that subscription issued to that reseller (rule 9)', async () => {
    const change = (commandId: string, invoice: { subscriptionId: string; invoiceId: string } | null) =>
      requestContactChange(ctx, at('2026-07-01T00:00:00.000Z', commandId), {
        organizationId: seed.organizationId,
        requestId: commandId,
        role: 'primary',
        contact: { name: 'New IT lead', email: 'lead@globex.example' },
        invoice,
      });
    await expect(change('cc-none', null)).rejects.toMatchObject({ violation: { code: 'contact-change-needs-invoice' } });
    await expect(change('cc-wrong', { subscriptionId: seed.subscriptionId, invoiceId: 'inv-made-up' })).rejects.toMatchObject({
      violation: { code: 'contact-change-needs-invoice' },
    });
    const accepted = await change('cc-ok', { subscriptionId: seed.subscriptionId, invoiceId: 'inv-1' });
    expect(accepted.events.map((e) => e.type)).toEqual(['ContactChangeRequested']);
    expect(accepted.events[0].data).toMatchObject({ invoice: { invoiceId: 'inv-1', issuedToResellerId: seed.resellerId } });
  });

  it('never issues more licenses than the right allows, even when issued concurrently (rule 12)', async () => {
    const attempts = await Promise.allSettled(
      ['a', 'b', 'c', 'd'].map((n) =>
        issueLicense(ctx, at('2026-06-21T00:00:00.000Z', `lic-${n}`), {
          licenseId: `license-${n}`,
          rightId: seed.rightId,
          organizationId: null,
        }),
      ),
    );
    // The seed already used 1 of 3: two more fit.
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(2);
    for (const a of attempts.filter((a) => a.status === 'rejected')) {
      expect((a as PromiseRejectedResult).reason).toBeInstanceOf(RuleViolationError);
      expect((a as PromiseRejectedResult).reason.violation.code).toBe('issuance-right-used-up');
    }
    const right = await ctx.issuanceRight(seed.rightId);
    expect(right).toMatchObject({ used: 3, remaining: 0 });
  });

  it('completes an issuance retried after a crash between consuming the quota and recording the license', async () => {
    const envelope = at('2026-06-21T00:00:00.000Z', 'lic-retry');
    // The first attempt got as far as consuming the quota, then the process died.
    await ctx.pipeline.execute({
      streamId: issuanceRightStream(seed.rightId),
      decider: issuanceRightDecider,
      envelope: followUp(envelope, 'consume-issuance-right'),
      command: {
        type: 'ConsumeIssuanceRight',
        rightId: seed.rightId,
        licenseId: 'license-r',
        now: envelope.occurredAt,
        actor: envelope.actor,
        context: { reseller: await ctx.actingReseller(envelope.actor) },
      },
    });
    await issueLicense(ctx, envelope, { licenseId: 'license-r', rightId: seed.rightId, organizationId: null });
    expect(await ctx.issuanceRight(seed.rightId)).toMatchObject({ used: 2 });
    expect((await store.readStream('license-license-r')).map((e) => e.type)).toEqual(['LicenseIssued']);
  });
});
