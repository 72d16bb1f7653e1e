import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSeedScenario, seed } from '@channel-ledger/application/testing/seed-scenario';
import { EventStore, openSqliteEventStore } from '@channel-ledger/event-store';
import { openSqliteReadStore, ReadDocument, ReadStore } from '@channel-ledger/read-store';
import { auditTrailOfSubscription, invoiceOwnerAt } from './audit-trail';
import { readModelProjections } from './read-models';
import { monthlySales, vendorRenewalsDue } from './reporting';
import { ProjectionRunner } from './engine/runner';

const collectionsOf = () => readModelProjections.flatMap((p) => p.collections.map((c) => c.name));

async function all(readStore: ReadStore, collection: string): Promise<ReadDocument[]> {
  return (await readStore.find(collection, { limit: 1000 })).documents;
}

async function digests(readStore: ReadStore): Promise<Record<string, string>> {
  const entries = await Promise.all(collectionsOf().map(async (c) => [c, await readStore.digest(c)] as const));
  return Object.fromEntries(entries);
}

/**
 * The seed scenario (DESIGN.md's main story) through the real command pipeline, then every read
 * model checked document by document. The figures are hand-computed: 10 seats × USD 96.00 =
 * 960.00; 5 seats added on 2026-06-15 with 214 of 365 days left = 281.42; 15 seats a year = 1440.00.
 */
describe('read models of the seed scenario', () => {
  let dir: string;
  let eventStore: EventStore;
  let readStore: ReadStore;
  let runner: ProjectionRunner;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'read-models-'));
    eventStore = await openSqliteEventStore({ path: join(dir, 'ledger.sqlite') });
    readStore = await openSqliteReadStore({ path: join(dir, 'ledger.sqlite') });
    await runSeedScenario(eventStore);
    runner = new ProjectionRunner({ eventStore, readStore, projections: [...readModelProjections] });
    await runner.start();
    await runner.waitUntilCaughtUp();
  });
  afterAll(async () => {
    await runner.stop();
    await readStore.close();
    await eventStore.close();
  });

  it('reseller view: the customer, owned by the customer since it accepted', async () => {
    expect(await all(readStore, 'reseller_customers')).toEqual([
      {
        id: seed.organizationId,
        organizationId: seed.organizationId,
        resellerId: seed.resellerId,
        vendorId: seed.vendorId,
        name: 'Globex',
        nameKey: 'globex',
        companyDetails: {},
        isPublic: false,
        customerAssociationEnabled: false,
        owner: { kind: 'customer', email: seed.customerEmail },
        ownership: 'customer',
        pendingTransfer: null,
        transferExpiresAt: null,
        lastTransfer: { outcome: 'accepted', at: seed.transferAcceptedAt, toEmail: seed.customerEmail, transferId: seed.transferId },
        contacts: { primary: { email: seed.customerEmail, name: null }, billing: null, technical: null },
        admins: [],
        contactChangeRequests: [],
        createdAt: seed.purchasedAt,
      },
    ]);
  });

  it('reseller view: the subscription with seats bought and assigned, term, next charge and annual total', async () => {
    expect(await all(readStore, 'reseller_subscriptions')).toEqual([
      expect.objectContaining({
        id: seed.subscriptionId,
        resellerId: seed.resellerId,
        organizationId: seed.organizationId,
        channel: 'reseller',
        product: 'GitLens',
        tier: 'pro',
        planId: seed.planId,
        billingPeriod: 'annual',
        currency: 'USD',
        unitPrice: '96.00',
        seats: 15,
        seatsAssigned: 1,
        assignedTo: ['dev@globex.example'],
        periodStart: '2026-01-15T09:00:00.000Z',
        periodEnd: '2027-01-15T09:00:00.000Z',
        nextChargeDate: '2027-01-15T09:00:00.000Z',
        periodTotal: '1440.00',
        annualTotal: '1440.00',
        status: 'active',
      }),
    ]);
  });

  it('reseller view: the issuance right with its remaining count, and the license', async () => {
    expect(await all(readStore, 'reseller_issuance_rights')).toEqual([
      expect.objectContaining({
        id: seed.rightId,
        resellerId: seed.resellerId,
        maxLicenses: 3,
        used: 1,
        remaining: 2,
        blocked: false,
        nfr: false,
      }),
    ]);
    expect(await all(readStore, 'reseller_licenses')).toEqual([
      expect.objectContaining({
        id: seed.licenseId,
        organizationId: seed.organizationId,
        rightId: seed.rightId,
        status: 'issued',
        nfr: false,
      }),
    ]);
  });

  it('customer view: read-only, bought through the reseller, with seats, term and license, and no prices', async () => {
    const [organization] = await all(readStore, 'customer_organizations');
    expect(organization).toMatchObject({
      id: seed.organizationId,
      name: 'Globex',
      owner: { kind: 'customer', email: seed.customerEmail },
      boughtThrough: {
        resellerId: seed.resellerId,
        companyName: 'Acme Resale',
        note: 'Bought through Acme Resale — changes go through them',
      },
      subscriptions: [
        {
          subscriptionId: seed.subscriptionId,
          product: 'GitLens',
          tier: 'pro',
          seats: 15,
          seatsAssigned: 1,
          periodEnd: '2027-01-15T09:00:00.000Z',
          status: 'active',
        },
      ],
      licenses: [{ licenseId: seed.licenseId, status: 'issued', available: true }],
      contacts: { primary: { email: seed.customerEmail } },
      administrators: [],
    });
    expect(JSON.stringify(organization)).not.toMatch(/price|total|amount|invoice|payment|96\.00|281\.42|1440/i);
    expect(await all(readStore, 'customer_access')).toEqual([
      {
        id: `${seed.organizationId}/owner/${seed.customerEmail}`,
        organizationId: seed.organizationId,
        email: seed.customerEmail,
        role: 'owner',
      },
    ]);
  });

  it('audit trail: every event of the subscription in order, with actor, channel and a sentence', async () => {
    const trail = await auditTrailOfSubscription(readStore, seed.subscriptionId);
    expect(trail.items.map((e) => [e.type, e.actor, e.channel, e.description])).toEqual([
      [
        'SubscriptionPurchased',
        { kind: 'reseller', id: seed.resellerId },
        'reseller',
        'Acme Resale bought 10 GitLens Pro seats (annual) for Globex, invoice owner Acme Resale',
      ],
      [
        'InvoiceIssued',
        { kind: 'reseller', id: seed.resellerId },
        'reseller',
        'Invoice sub-globex-1-1 (purchase) issued to Acme Resale: USD 960.00',
      ],
      [
        'SeatsPurchased',
        { kind: 'reseller', id: seed.resellerId },
        'reseller',
        'Seats added: 10 → 15, prorated 214 of 365 days, USD 281.42',
      ],
      [
        'InvoiceIssued',
        { kind: 'reseller', id: seed.resellerId },
        'reseller',
        'Invoice sub-globex-1-2 (added seats) issued to Acme Resale: USD 281.42',
      ],
      ['SeatAssigned', { kind: 'reseller', id: seed.resellerId }, 'reseller', 'Seat assigned to dev@globex.example'],
    ]);
    expect((await all(readStore, 'audit_entries')).map((e) => e.type).sort()).toEqual([
      'CustomerOrganizationCreated',
      'InvoiceIssued',
      'InvoiceIssued',
      'LicenseIssued',
      'OwnershipTransferAccepted',
      'OwnershipTransferInitiated',
      'SeatAssigned',
      'SeatsPurchased',
      'SubscriptionPurchased',
    ]);
  });

  it('audit trail: who the invoice owner was on a date', async () => {
    expect(await invoiceOwnerAt(readStore, seed.subscriptionId, '2026-01-01T00:00:00.000Z')).toBeNull();
    expect(await invoiceOwnerAt(readStore, seed.subscriptionId, '2026-07-01T00:00:00.000Z')).toMatchObject({
      owner: { kind: 'reseller', id: seed.resellerId, name: 'Acme Resale', email: seed.resellerEmail },
      channel: 'reseller',
      validFrom: seed.purchasedAt,
      validTo: null,
    });
    expect(await all(readStore, 'invoice_owner_intervals')).toHaveLength(1);
  });

  it('reporting: seats and revenue per vendor, reseller and month, transfers, renewals due, utilization', async () => {
    const rows = await monthlySales(readStore, { vendorId: seed.vendorId });
    expect(rows.map((r) => [r.month, r.resellerId, r.seatsSold, r.byCurrency])).toEqual([
      [
        '2026-01',
        seed.resellerId,
        10,
        [expect.objectContaining({ currency: 'USD', newRevenue: '960.00', renewalRevenue: '0.00', expansionRevenue: '0.00' })],
      ],
      [
        '2026-06',
        seed.resellerId,
        5,
        [expect.objectContaining({ currency: 'USD', newRevenue: '0.00', renewalRevenue: '0.00', expansionRevenue: '281.42' })],
      ],
    ]);
    expect(rows[0].ownershipTransfers).toMatchObject({ initiated: 1, accepted: 1, expired: 0 });
    const due = (days: 30 | 60 | 90, now: string) => vendorRenewalsDue(readStore, { vendorId: seed.vendorId, now, withinDays: days });
    expect((await due(30, '2026-11-23T00:00:00.000Z')).items).toHaveLength(0);
    expect((await due(60, '2026-11-23T00:00:00.000Z')).items.map((s) => s.id)).toEqual([seed.subscriptionId]);
    expect(await all(readStore, 'reporting_issuance_rights')).toEqual([
      expect.objectContaining({ id: seed.rightId, granted: 3, used: 1, remaining: 2, blocked: false }),
    ]);
  });

  it('rebuilding every projection from position 0 (blue/green) yields identical read models', async () => {
    const live = await digests(readStore);
    for (const projection of readModelProjections) {
      expect(await runner.rebuild(projection.name)).toBe('switched');
    }
    expect(await digests(readStore)).toEqual(live);
    expect((await runner.status()).map((s) => [s.name, s.state, s.lag])).toEqual(readModelProjections.map((p) => [p.name, 'live', '0']));

    // And a build from nothing, in a store that never saw the live run, agrees too.
    const fresh = await openSqliteReadStore({ path: join(dir, 'fresh.sqlite') });
    const clean = new ProjectionRunner({ eventStore, readStore: fresh, projections: [...readModelProjections] });
    await clean.start();
    await clean.waitUntilCaughtUp();
    await clean.stop();
    expect(await digests(fresh)).toEqual(live);
    await fresh.close();
  });
});
