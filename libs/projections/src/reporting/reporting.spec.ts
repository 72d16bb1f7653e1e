import type { IssuanceRightEvent, OrganizationEvent, ResellerFacts, SubscriptionCommand } from '@channel-ledger/domain';
import type { PlanPrice } from '@channel-ledger/domain';
import {
  acme,
  asReseller,
  ChannelLog,
  organization,
  plan,
  purchaseCommand,
  SubscriptionHistory,
  tokyoSoft,
  utc,
} from '../audit-trail/testing/channel-fixtures';
import { projectionHarness, ProjectionHarness } from '../testing/projection-harness';
import { activeSubscriptions, issuanceUtilization, monthlySales, vendorRenewalsDue, reportingProjection } from './index';

const globex = organization('org-globex', 'Globex', acme);
const initech = organization('org-initech', 'Initech', acme);
const nakatomi = organization('org-nakatomi', 'Nakatomi', tokyoSoft);

const proUsd = plan('pro', '96.00');
const teamsUsd = plan('teams', '144.00');
const advancedUsd = plan('advanced', '240.00');
const proJpyMonthly = plan('pro', '1200', 'JPY', 'monthly');
const proJpy = plan('pro', '12000', 'JPY');

const orgCreated = (org: typeof globex, reseller: ResellerFacts, at: string): OrganizationEvent => ({
  type: 'CustomerOrganizationCreated',
  data: {
    organizationId: org.organizationId,
    vendorId: org.vendorId,
    name: org.name,
    companyDetails: {},
    customerContact: { name: null, email: `it@${org.name.toLowerCase()}.example` },
    isPublic: false,
    customerAssociationEnabled: false,
    managingReseller: { resellerId: reseller.resellerId, companyName: reseller.companyName, email: reseller.email },
    createdAt: at,
  },
});

/** A vendor's year through two resellers, one selling in USD, the other in JPY and USD. */
function salesYear(): ChannelLog {
  const log = new ChannelLog();
  const subs = new Map<string, SubscriptionHistory>();
  const command = (streamId: string, cmd: SubscriptionCommand, reseller: ResellerFacts) => {
    const history = subs.get(streamId) ?? new SubscriptionHistory();
    subs.set(streamId, history);
    log.record(`subscription-${streamId}`, history.decide(cmd), { at: cmd.now, actor: asReseller(reseller) });
  };
  const buy = (id: string, reseller: ResellerFacts, org: typeof globex, p: PlanPrice, seats: number, date: string) =>
    command(id, purchaseCommand({ subscriptionId: id, reseller, organization: org, plan: p, seats, now: utc(date) }), reseller);
  const org = (event: OrganizationEvent, reseller: ResellerFacts, at: string) =>
    log.record(`organization-${(event.data as { organizationId: string }).organizationId}`, [event], { at, actor: asReseller(reseller) });

  org(orgCreated(globex, acme, utc('2026-01-05')), acme, utc('2026-01-05'));
  org(orgCreated(initech, acme, utc('2026-01-06')), acme, utc('2026-01-06'));
  org(orgCreated(nakatomi, tokyoSoft, utc('2026-01-07')), tokyoSoft, utc('2026-01-07'));

  buy('sub-1', acme, globex, proUsd, 10, '2026-01-31'); // USD 960.00, ends 2027-01-31
  buy('sub-3', tokyoSoft, nakatomi, proJpyMonthly, 20, '2026-01-15'); // JPY 24000, ends 2026-02-15
  buy('sub-2', acme, initech, teamsUsd, 3, '2026-02-10'); // USD 432.00, ends 2027-02-10
  // Renewed ahead: 2026-02-15 → 2026-03-15 (then left to lapse).
  command(
    'sub-3',
    {
      type: 'RenewSubscription',
      subscriptionId: 'sub-3',
      invoiceId: 'sub-3-inv-2',
      now: utc('2026-02-12'),
      actor: asReseller(tokyoSoft),
      context: { reseller: tokyoSoft, plan: proJpyMonthly },
    },
    tokyoSoft,
  );
  buy('sub-4', acme, initech, proUsd, 1, '2026-03-20'); // USD 96.00, ends 2027-03-20, cancelled below
  buy('sub-5', tokyoSoft, nakatomi, proJpy, 5, '2026-03-25'); // JPY 60000, ends 2027-03-25
  buy('sub-6', tokyoSoft, nakatomi, proUsd, 2, '2026-03-25'); // USD 192.00, ends 2027-03-25
  command(
    'sub-4',
    { type: 'CancelSubscription', subscriptionId: 'sub-4', now: utc('2026-04-01'), actor: asReseller(acme), context: { reseller: acme } },
    acme,
  );

  const transfer = (orgId: string, transferId: string, reseller: ResellerFacts, at: string): OrganizationEvent => ({
    type: 'OwnershipTransferInitiated',
    data: {
      organizationId: orgId,
      transferId,
      fromResellerId: reseller.resellerId,
      toEmail: 'owner@customer.example',
      initiatedAt: at,
      expiresAt: new Date(Date.parse(at) + 7 * 86_400_000).toISOString(),
    },
  });
  org(transfer('org-globex', 't-1', acme, utc('2026-03-01')), acme, utc('2026-03-01'));
  log.record(
    'organization-org-globex',
    [
      {
        type: 'OwnershipTransferAccepted',
        data: {
          organizationId: 'org-globex',
          transferId: 't-1',
          previousOwnerResellerId: 'acme',
          newOwnerEmail: 'owner@customer.example',
          acceptedAt: utc('2026-03-03'),
        },
      },
    ],
    { at: utc('2026-03-03'), actor: { kind: 'customer', id: 'owner' } },
  );
  org(transfer('org-initech', 't-2', acme, utc('2026-03-20')), acme, utc('2026-03-20'));
  // Lapsed on 03-27, noticed by the sweeper in April: counted in April (occurredAt), for Acme.
  log.record(
    'organization-org-initech',
    [
      {
        type: 'OwnershipTransferExpired',
        data: {
          organizationId: 'org-initech',
          transferId: 't-2',
          toEmail: 'owner@customer.example',
          expiresAt: utc('2026-03-27'),
          recordedAt: utc('2026-04-02'),
        },
      },
    ],
    { at: utc('2026-04-02'), actor: { kind: 'system', id: 'sweeper' } },
  );
  org(transfer('org-nakatomi', 't-3', tokyoSoft, utc('2026-03-05')), tokyoSoft, utc('2026-03-05'));
  log.record(
    'organization-org-nakatomi',
    [
      {
        type: 'OwnershipTransferCancelled',
        data: {
          organizationId: 'org-nakatomi',
          transferId: 't-3',
          toEmail: 'owner@customer.example',
          cancelledByResellerId: 'tokyo-soft',
          cancelledAt: utc('2026-03-06'),
        },
      },
    ],
    { at: utc('2026-03-06'), actor: asReseller(tokyoSoft) },
  );

  // August expansion at Acme: 5 seats on sub-1, sub-2 from Teams to Advanced.
  command(
    'sub-1',
    {
      type: 'AddSeats',
      subscriptionId: 'sub-1',
      invoiceId: 'sub-1-inv-2',
      seats: 5,
      now: utc('2026-08-31'),
      actor: asReseller(acme),
      context: { reseller: acme },
    },
    acme,
  );
  command(
    'sub-2',
    {
      type: 'ChangePlan',
      subscriptionId: 'sub-2',
      invoiceId: 'sub-2-inv-2',
      now: utc('2026-08-10'),
      actor: asReseller(acme),
      context: { reseller: acme, plan: advancedUsd },
    },
    acme,
  );
  return log;
}

describe('reporting projection', () => {
  let harness: ProjectionHarness;
  let log: ChannelLog;
  beforeEach(async () => {
    harness = await projectionHarness(reportingProjection);
    log = salesYear();
    await harness.apply(...log.events);
  });
  afterEach(() => harness.close());

  it('sums sales per reseller and month with exact decimals, USD and JPY kept apart', async () => {
    const rows = await monthlySales(harness.readStore, { vendorId: 'gitkraken' });
    const simple = rows.map((r) => ({
      reseller: r.resellerId,
      month: r.month,
      seatsSold: r.seatsSold,
      seatsRenewed: r.seatsRenewed,
      money: r.byCurrency.map(
        (c) => `${c.currency} new ${c.newRevenue} renewal ${c.renewalRevenue} expansion ${c.expansionRevenue} total ${c.totalRevenue}`,
      ),
      transfers: r.ownershipTransfers,
    }));
    const noTransfers = { initiated: 0, accepted: 0, expired: 0, cancelled: 0 };
    expect(simple).toEqual([
      {
        reseller: 'acme',
        month: '2026-01',
        seatsSold: 10,
        seatsRenewed: 0,
        money: ['USD new 960.00 renewal 0.00 expansion 0.00 total 960.00'],
        transfers: noTransfers,
      },
      {
        reseller: 'tokyo-soft',
        month: '2026-01',
        seatsSold: 20,
        seatsRenewed: 0,
        money: ['JPY new 24000 renewal 0 expansion 0 total 24000'],
        transfers: noTransfers,
      },
      {
        reseller: 'acme',
        month: '2026-02',
        seatsSold: 3,
        seatsRenewed: 0,
        money: ['USD new 432.00 renewal 0.00 expansion 0.00 total 432.00'],
        transfers: noTransfers,
      },
      {
        reseller: 'tokyo-soft',
        month: '2026-02',
        seatsSold: 0,
        seatsRenewed: 20,
        money: ['JPY new 0 renewal 24000 expansion 0 total 24000'],
        transfers: noTransfers,
      },
      {
        reseller: 'acme',
        month: '2026-03',
        seatsSold: 1,
        seatsRenewed: 0,
        money: ['USD new 96.00 renewal 0.00 expansion 0.00 total 96.00'],
        transfers: { initiated: 2, accepted: 1, expired: 0, cancelled: 0 },
      },
      {
        reseller: 'tokyo-soft',
        month: '2026-03',
        seatsSold: 7,
        seatsRenewed: 0,
        money: ['JPY new 60000 renewal 0 expansion 0 total 60000', 'USD new 192.00 renewal 0.00 expansion 0.00 total 192.00'],
        transfers: { initiated: 1, accepted: 0, expired: 0, cancelled: 1 },
      },
      {
        reseller: 'acme',
        month: '2026-04',
        seatsSold: 0,
        seatsRenewed: 0,
        money: [],
        transfers: { initiated: 0, accepted: 0, expired: 1, cancelled: 0 },
      },
      // 5 seats × 96.00 × 153/365 = 201.21; Teams → Advanced for 3 seats over 184/365 days:
      // −217.78 credit + 362.96 charge = 145.18; 201.21 + 145.18 = 346.39.
      {
        reseller: 'acme',
        month: '2026-08',
        seatsSold: 5,
        seatsRenewed: 0,
        money: ['USD new 0.00 renewal 0.00 expansion 346.39 total 346.39'],
        transfers: noTransfers,
      },
    ]);
  });

  it('filters by reseller and by an inclusive month range, through the indexes', async () => {
    const acmeSpring = await monthlySales(harness.readStore, {
      vendorId: 'gitkraken',
      resellerId: 'acme',
      fromMonth: '2026-02',
      toMonth: '2026-04',
    });
    expect(acmeSpring.map((r) => [r.month, r.byCurrency.map((c) => c.totalRevenue)])).toEqual([
      ['2026-02', ['432.00']],
      ['2026-03', ['96.00']],
      ['2026-04', []],
    ]);
    const tokyoJanuary = await monthlySales(harness.readStore, { vendorId: 'gitkraken', resellerId: 'tokyo-soft', toMonth: '2026-01' });
    expect(tokyoJanuary).toEqual([
      {
        vendorId: 'gitkraken',
        resellerId: 'tokyo-soft',
        month: '2026-01',
        seatsSold: 20,
        seatsRenewed: 0,
        byCurrency: [
          {
            currency: 'JPY',
            seatsSold: 20,
            seatsNew: 20,
            seatsAdded: 0,
            seatsRenewed: 0,
            newRevenue: '24000',
            renewalRevenue: '0',
            expansionRevenue: '0',
            totalRevenue: '24000',
            invoices: 1,
          },
        ],
        ownershipTransfers: { initiated: 0, accepted: 0, expired: 0, cancelled: 0 },
      },
    ]);
    expect(await monthlySales(harness.readStore, { vendorId: 'another-vendor' })).toEqual([]);
    await expect(monthlySales(harness.readStore, { vendorId: 'gitkraken', fromMonth: '2026-3' })).rejects.toThrow(/month like/);
  });

  it('lists renewals due in 30/60/90 days from a given now, active and renewing only', async () => {
    const now = utc('2027-01-05');
    const due = async (withinDays: 30 | 60 | 90, resellerId?: string) =>
      (await vendorRenewalsDue(harness.readStore, { vendorId: 'gitkraken', now, withinDays, resellerId })).items.map((s) => [
        s.id,
        s.periodEnd.slice(0, 10),
      ]);
    expect(await due(30)).toEqual([['sub-1', '2027-01-31']]);
    expect(await due(60)).toEqual([
      ['sub-1', '2027-01-31'],
      ['sub-2', '2027-02-10'],
    ]);
    // sub-4 (cancelled) would fall in the 90-day window but will not renew.
    expect(await due(90)).toEqual([
      ['sub-1', '2027-01-31'],
      ['sub-2', '2027-02-10'],
      ['sub-5', '2027-03-25'],
      ['sub-6', '2027-03-25'],
    ]);
    expect(await due(90, 'tokyo-soft')).toEqual([
      ['sub-5', '2027-03-25'],
      ['sub-6', '2027-03-25'],
    ]);
    // At the very end of the period it has lapsed, no longer due.
    expect(
      (await vendorRenewalsDue(harness.readStore, { vendorId: 'gitkraken', now: utc('2027-01-31'), withinDays: 30 })).items.map(
        (s) => s.id,
      ),
    ).toEqual(['sub-2']);
    const paged = await vendorRenewalsDue(harness.readStore, { vendorId: 'gitkraken', now, withinDays: 90, limit: 3 });
    expect([paged.total, paged.items.length, paged.nextCursor !== null]).toEqual([4, 3, true]);
  });

  it('keeps per-subscription status, seats and next renewal date for active subscriptions', async () => {
    const all = await activeSubscriptions(harness.readStore, { vendorId: 'gitkraken' });
    // sub-3 lapsed on 2026-03-15 but no sweep expired it: only `now` can tell.
    expect(all.items.map((s) => s.id)).toEqual(['sub-3', 'sub-1', 'sub-2', 'sub-5', 'sub-6']);
    const now = await activeSubscriptions(harness.readStore, { vendorId: 'gitkraken', now: utc('2026-09-01') });
    expect(now.total).toBe(4);
    const acmeActive = await activeSubscriptions(harness.readStore, { vendorId: 'gitkraken', resellerId: 'acme' });
    expect(
      acmeActive.items.map((s) => ({ id: s.id, seats: s.seats, tier: s.tier, periodEnd: s.periodEnd, pendingSeats: s.pendingSeats })),
    ).toEqual([
      { id: 'sub-1', seats: 15, tier: 'pro', periodEnd: utc('2027-01-31'), pendingSeats: null },
      { id: 'sub-2', seats: 3, tier: 'advanced', periodEnd: utc('2027-02-10'), pendingSeats: null },
    ]);
    expect(await harness.readStore.get('reporting_subscriptions', 'sub-4')).toMatchObject({
      status: 'cancelled',
      endsAt: utc('2027-03-20'),
    });
    expect(await harness.readStore.get('reporting_subscriptions', 'sub-3')).toMatchObject({
      periodStart: utc('2026-02-15'),
      periodEnd: utc('2026-03-15'),
    });
  });

  it('reports issuance-right utilization per reseller and vendor after consumption and a block', async () => {
    const at = utc('2026-05-01');
    const grant = (rightId: string, reseller: ResellerFacts, maxLicenses: number, expiresAt: string): IssuanceRightEvent => ({
      type: 'IssuanceRightGranted',
      data: {
        rightId,
        vendorId: 'gitkraken',
        resellerId: reseller.resellerId,
        licenseTemplateId: 'tpl-pro',
        maxLicenses,
        expiresAt,
        nfr: false,
        grantedBy: { kind: 'vendor-admin', id: 'va-1' },
        grantedAt: at,
      },
    });
    const consume = (rightId: string, n: number, max: number): IssuanceRightEvent => ({
      type: 'IssuanceRightConsumed',
      data: { rightId, licenseId: `${rightId}-lic-${n}`, used: n, remaining: max - n, consumedAt: at },
    });
    const admin = { at, actor: { kind: 'vendor-admin' as const, id: 'va-1' } };
    const applied = log.events.length;
    log.record(
      'issuance-right-r1',
      [grant('r1', acme, 10, utc('2027-01-01')), consume('r1', 1, 10), consume('r1', 2, 10), consume('r1', 3, 10)],
      admin,
    );
    log.record(
      'issuance-right-r2',
      [
        grant('r2', acme, 5, utc('2027-01-01')),
        consume('r2', 1, 5),
        {
          type: 'IssuanceRightBlocked',
          data: { rightId: 'r2', reason: 'abuse', blockedBy: { kind: 'vendor-admin', id: 'va-1' }, blockedAt: at },
        },
      ],
      admin,
    );
    log.record('issuance-right-r3', [grant('r3', tokyoSoft, 20, utc('2026-06-30'))], admin);
    await harness.apply(...log.events.slice(applied));

    const before = await issuanceUtilization(harness.readStore, { vendorId: 'gitkraken', now: utc('2026-06-01') });
    expect(before.byReseller).toEqual([
      { resellerId: 'acme', rights: 2, granted: 15, used: 4, remaining: 7, blocked: 1, blockedUnused: 4, expired: 0, expiredUnused: 0 },
      {
        resellerId: 'tokyo-soft',
        rights: 1,
        granted: 20,
        used: 0,
        remaining: 20,
        blocked: 0,
        blockedUnused: 0,
        expired: 0,
        expiredUnused: 0,
      },
    ]);
    expect(before.total).toEqual({
      rights: 3,
      granted: 35,
      used: 4,
      remaining: 27,
      blocked: 1,
      blockedUnused: 4,
      expired: 0,
      expiredUnused: 0,
    });

    const after = await issuanceUtilization(harness.readStore, { vendorId: 'gitkraken', resellerId: 'tokyo-soft', now: utc('2026-07-01') });
    expect(after.total).toMatchObject({ granted: 20, remaining: 0, expired: 1, expiredUnused: 20 });
  });
});
