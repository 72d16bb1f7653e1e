import type { NewEvent, RecordedEvent } from '@channel-ledger/event-store';
import { ProjectionRunner } from '../engine/runner';
import { reportingProjection, monthlySales, vendorRenewalsDue } from '../reporting';
import { openStores, tempDir } from '../testing/fixtures';
import { auditTrailOfOrganization, auditTrailProjection, invoiceOwnerAt } from './index';
import { acme, asReseller, ChannelLog, organization, plan, purchaseCommand, SubscriptionHistory, utc } from './testing/channel-fixtures';

/** The fixture log as the application would append it: one append per command and stream. */
function asAppends(events: readonly RecordedEvent[]): { streamId: string; events: NewEvent[] }[] {
  const appends: { streamId: string; events: NewEvent[] }[] = [];
  for (const e of events) {
    const { commandId, correlationId, causationId, actor, onBehalfOf, occurredAt, schemaVersion } = e.metadata;
    const event: NewEvent = {
      eventId: e.eventId,
      type: e.type,
      data: e.data,
      metadata: { commandId, correlationId, causationId, actor, onBehalfOf, occurredAt, schemaVersion },
    };
    const last = appends[appends.length - 1];
    if (last && last.streamId === e.streamId && last.events[0].metadata.commandId === commandId) last.events.push(event);
    else appends.push({ streamId: e.streamId, events: [event] });
  }
  return appends;
}

describe('audit-trail and reporting through the projection runner on SQLite', () => {
  it('project the same log into their collections behind the runner aliases', async () => {
    const temp = tempDir('audit-reporting-');
    const stores = await openStores(temp.file('channel.sqlite'));
    const runner = new ProjectionRunner({
      eventStore: stores.eventStore,
      readStore: stores.readStore,
      projections: [auditTrailProjection, reportingProjection],
    });
    try {
      const log = new ChannelLog();
      const sub = new SubscriptionHistory();
      const globex = organization('org-globex', 'Globex', acme);
      log.record(
        'subscription-sub-1',
        sub.decide(
          purchaseCommand({
            subscriptionId: 'sub-1',
            reseller: acme,
            organization: globex,
            plan: plan('pro', '96.00'),
            seats: 10,
            now: utc('2026-01-31'),
          }),
        ),
        { at: utc('2026-01-31'), actor: asReseller(acme) },
      );
      log.record(
        'subscription-sub-1',
        sub.decide({
          type: 'AddSeats',
          subscriptionId: 'sub-1',
          invoiceId: 'sub-1-inv-2',
          seats: 5,
          now: utc('2026-08-31'),
          actor: asReseller(acme),
          context: { reseller: acme },
        }),
        { at: utc('2026-08-31'), actor: asReseller(acme) },
      );
      for (const append of asAppends(log.events)) await stores.eventStore.append(append.streamId, append.events, 'any');

      await runner.start();
      await runner.waitUntilCaughtUp();

      const { items: entries } = await auditTrailOfOrganization(stores.readStore, 'org-globex');
      // No ResellerRegistered in this log: the reseller's name comes from the purchase itself.
      expect(entries.map((e) => e.description)).toEqual([
        'Acme Resale bought 10 GitLens Pro seats (annual) for Globex, invoice owner Acme Resale',
        'Invoice sub-1-1 (purchase) issued to Acme Resale: USD 960.00',
        'Seats added: 10 → 15, prorated 153 of 365 days, USD 201.21',
        'Invoice sub-1-2 (added seats) issued to Acme Resale: USD 201.21',
      ]);
      expect((await invoiceOwnerAt(stores.readStore, 'sub-1', utc('2026-02-01')))?.owner.name).toBe('Acme Resale');
      const sales = await monthlySales(stores.readStore, { vendorId: 'gitkraken', resellerId: 'acme' });
      expect(sales.map((r) => [r.month, r.seatsSold, r.byCurrency.map((c) => `${c.currency} ${c.totalRevenue}`)])).toEqual([
        ['2026-01', 10, ['USD 960.00']],
        ['2026-08', 5, ['USD 201.21']],
      ]);
      expect(
        (await vendorRenewalsDue(stores.readStore, { vendorId: 'gitkraken', now: utc('2027-01-01'), withinDays: 30 })).items.map(
          (s) => s.id,
        ),
      ).toEqual(['sub-1']);
    } finally {
      await runner.stop();
      await stores.close();
      temp.cleanup();
    }
  });
});
