import type { OrganizationEvent, ResellerFacts } from '@channel-ledger/domain';
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
import {
  dashboardActiveSubscriptions,
  dashboardOverview,
  dashboardRenewalsDue,
  dashboardRevenue,
  dashboardSeats,
  dashboardTransfers,
  dashboardUtilization,
  reportingProjection,
} from './index';

const globex = organization('org-globex', 'Globex', acme);
const initech = organization('org-initech', 'Initech', acme);
const hooli = organization('org-hooli', 'Hooli', acme);
const nakatomi = organization('org-nakatomi', 'Nakatomi', tokyoSoft);
const vendor = { kind: 'vendor' as const, vendorId: 'gitkraken' };
const DAY = 86_400_000;

function registered(reseller: ResellerFacts) {
  return {
    type: 'ResellerRegistered',
    data: {
      resellerId: reseller.resellerId,
      companyName: reseller.companyName,
      email: reseller.email,
      partnerKind: reseller.partnerKind,
      verificationTokenHash: 'a'.repeat(64),
      verificationExpiresAt: utc('2026-01-03'),
      registeredAt: utc('2026-01-01'),
    },
  };
}

const created = (org: typeof globex, reseller: ResellerFacts, at: string): OrganizationEvent => ({
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

const offered = (org: typeof globex, transferId: string, reseller: ResellerFacts, at: string): OrganizationEvent => ({
  type: 'OwnershipTransferInitiated',
  data: {
    organizationId: org.organizationId,
    transferId,
    fromResellerId: reseller.resellerId,
    toEmail: 'owner@customer.example',
    initiatedAt: at,
    expiresAt: new Date(Date.parse(at) + 7 * DAY).toISOString(),
  },
});

/** Two resellers of one vendor: sales in USD and JPY, offers accepted, lapsed (recorded late, or not at all), pending. */
function history(): ChannelLog {
  const log = new ChannelLog();
  log.record('reseller-acme', [registered(acme)], { at: utc('2026-01-01'), actor: asReseller(acme) });
  log.record('reseller-tokyo-soft', [registered(tokyoSoft)], { at: utc('2026-01-01'), actor: asReseller(tokyoSoft) });
  for (const [org, reseller] of [
    [globex, acme],
    [initech, acme],
    [hooli, acme],
    [nakatomi, tokyoSoft],
  ] as const) {
    log.record(`organization-${org.organizationId}`, [created(org, reseller, utc('2026-01-05'))], {
      at: utc('2026-01-05'),
      actor: asReseller(reseller),
    });
  }
  const buy = (id: string, reseller: ResellerFacts, org: typeof globex, p: ReturnType<typeof plan>, seats: number, at: string) =>
    log.record(
      `subscription-${id}`,
      new SubscriptionHistory().decide(purchaseCommand({ subscriptionId: id, reseller, organization: org, plan: p, seats, now: utc(at) })),
      {
        at: utc(at),
        actor: asReseller(reseller),
      },
    );
  buy('sub-1', acme, globex, plan('pro', '96.00'), 10, '2026-01-31'); // USD 960.00, renews 2027-01-31
  buy('sub-2', acme, initech, plan('pro', '10.00', 'USD', 'monthly'), 3, '2026-03-10'); // USD 30.00 a month, 360.00 a year
  buy('sub-3', tokyoSoft, nakatomi, plan('pro', '12000', 'JPY'), 5, '2026-03-25'); // JPY 60000

  const org = (o: typeof globex, event: OrganizationEvent, at: string, reseller: ResellerFacts = acme) =>
    log.record(`organization-${o.organizationId}`, [event], { at, actor: asReseller(reseller) });
  org(globex, offered(globex, 't-1', acme, utc('2026-01-31')), utc('2026-01-31'));
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
          acceptedAt: utc('2026-02-02'),
        },
      },
    ],
    { at: utc('2026-02-02'), actor: { kind: 'customer', id: 'owner' } },
  );
  // Lapsed on 03-17, recorded by a sweep in April: a lapse of March.
  org(initech, offered(initech, 't-2', acme, utc('2026-03-10')), utc('2026-03-10'));
  log.record(
    'organization-org-initech',
    [
      {
        type: 'OwnershipTransferExpired',
        data: {
          organizationId: 'org-initech',
          transferId: 't-2',
          toEmail: 'owner@customer.example',
          expiresAt: utc('2026-03-17'),
          recordedAt: utc('2026-04-02'),
        },
      },
    ],
    { at: utc('2026-04-02'), actor: { kind: 'system', id: 'sweeper' } },
  );
  // Offered 03-28, never answered, never swept: pending until 04-04, lapsed (in April) after.
  org(hooli, offered(hooli, 't-3', acme, utc('2026-03-28')), utc('2026-03-28'));
  org(nakatomi, offered(nakatomi, 't-4', tokyoSoft, utc('2026-03-26')), utc('2026-03-26'), tokyoSoft);
  log.record(
    'organization-org-nakatomi',
    [
      {
        type: 'OwnershipTransferCancelled',
        data: {
          organizationId: 'org-nakatomi',
          transferId: 't-4',
          toEmail: 'owner@customer.example',
          cancelledByResellerId: 'tokyo-soft',
          cancelledAt: utc('2026-03-27'),
        },
      },
    ],
    { at: utc('2026-03-27'), actor: asReseller(tokyoSoft) },
  );

  const admin = { at: utc('2026-02-01'), actor: { kind: 'vendor-admin' as const, id: 'gitkraken' } };
  log.record(
    'issuance-right-r1',
    [
      {
        type: 'IssuanceRightGranted',
        data: {
          rightId: 'r1',
          vendorId: 'gitkraken',
          resellerId: 'acme',
          licenseTemplateId: 'tpl',
          maxLicenses: 3,
          expiresAt: utc('2026-06-01'),
          nfr: false,
          grantedBy: admin.actor,
          grantedAt: admin.at,
        },
      },
      { type: 'IssuanceRightConsumed', data: { rightId: 'r1', licenseId: 'l1', used: 1, remaining: 2, consumedAt: admin.at } },
    ],
    admin,
  );
  return log;
}

describe('reporting projection: the dashboard tables', () => {
  let harness: ProjectionHarness;
  beforeEach(async () => {
    harness = await projectionHarness(reportingProjection);
    await harness.apply(...history().events);
  });
  afterEach(() => harness.close());

  it('judges open transfers at read time: pending before their expiry, lapsed (in the month they lapsed) after', async () => {
    const at = (now: string) => dashboardTransfers(harness.readStore, { scope: vendor, now: utc(now) });
    expect(await at('2026-04-01')).toEqual([
      {
        vendorId: 'gitkraken',
        resellerId: 'acme',
        resellerName: 'Acme Resale',
        pending: 1,
        initiated: 3,
        accepted: 1,
        lapsed: 1,
        cancelled: 0,
      },
      {
        vendorId: 'gitkraken',
        resellerId: 'tokyo-soft',
        resellerName: 'Tokyo Soft KK',
        pending: 0,
        initiated: 1,
        accepted: 0,
        lapsed: 0,
        cancelled: 1,
      },
    ]);
    expect((await at('2026-04-05'))[0]).toMatchObject({ pending: 0, lapsed: 2 });
    // By month of the lapse itself: t-2 in March (though swept in April), t-3 in April.
    const march = await dashboardTransfers(harness.readStore, {
      scope: vendor,
      now: utc('2026-04-05'),
      filter: { fromMonth: '2026-03', toMonth: '2026-03' },
    });
    expect(march[0]).toMatchObject({ resellerId: 'acme', pending: 0, initiated: 2, accepted: 0, lapsed: 1 });
    const april = await dashboardTransfers(harness.readStore, { scope: vendor, now: utc('2026-04-05'), filter: { fromMonth: '2026-04' } });
    expect(april.map((r) => [r.resellerId, r.lapsed, r.initiated])).toEqual([['acme', 1, 0]]);
  });

  it("gives a reseller its own rows only, the vendor's every reseller's", async () => {
    const now = utc('2026-04-01');
    const revenue = await dashboardRevenue(harness.readStore, { scope: vendor, now });
    expect(revenue.map((r) => [r.month, r.resellerName, r.currency, r.totalRevenue])).toEqual([
      ['2026-01', 'Acme Resale', 'USD', '960.00'],
      ['2026-03', 'Acme Resale', 'USD', '30.00'],
      ['2026-03', 'Tokyo Soft KK', 'JPY', '60000'],
    ]);
    const own = await dashboardRevenue(harness.readStore, { scope: { kind: 'reseller', resellerId: 'tokyo-soft' }, now });
    expect(own.map((r) => r.resellerId)).toEqual(['tokyo-soft']);
    expect(await dashboardSeats(harness.readStore, { scope: vendor, now, filter: { resellerId: 'acme' } })).toEqual([
      {
        month: '2026-01',
        vendorId: 'gitkraken',
        resellerId: 'acme',
        resellerName: 'Acme Resale',
        seatsNew: 10,
        seatsAdded: 0,
        seatsSold: 10,
        seatsRenewed: 0,
      },
      {
        month: '2026-03',
        vendorId: 'gitkraken',
        resellerId: 'acme',
        resellerName: 'Acme Resale',
        seatsNew: 3,
        seatsAdded: 0,
        seatsSold: 3,
        seatsRenewed: 0,
      },
    ]);
    expect(await dashboardTransfers(harness.readStore, { scope: { kind: 'reseller', resellerId: 'nobody' }, now })).toEqual([]);
  });

  it('adds annual totals within a currency only, and windows renewals due cumulatively', async () => {
    const now = utc('2026-04-01');
    expect(await dashboardActiveSubscriptions(harness.readStore, { scope: vendor, now })).toEqual([
      {
        vendorId: 'gitkraken',
        resellerId: 'acme',
        resellerName: 'Acme Resale',
        currency: 'USD',
        subscriptions: 2,
        seats: 13,
        annualTotal: '1320.00',
      },
      {
        vendorId: 'gitkraken',
        resellerId: 'tokyo-soft',
        resellerName: 'Tokyo Soft KK',
        currency: 'JPY',
        subscriptions: 1,
        seats: 5,
        annualTotal: '60000',
      },
    ]);
    // sub-2 (monthly) ends 2026-04-10: due within 30, 60 and 90 days; nothing else is.
    const due = await dashboardRenewalsDue(harness.readStore, { scope: vendor, now });
    expect(due.map((r) => [r.withinDays, r.resellerId, r.currency, r.subscriptions, r.annualTotal])).toEqual([
      [30, 'acme', 'USD', 1, '360.00'],
      [60, 'acme', 'USD', 1, '360.00'],
      [90, 'acme', 'USD', 1, '360.00'],
    ]);
    expect(await dashboardActiveSubscriptions(harness.readStore, { scope: vendor, now, filter: { currency: 'JPY' } })).toHaveLength(1);
  });

  it('reports utilization at read time and lists partners and currencies for the filters', async () => {
    expect(await dashboardUtilization(harness.readStore, { scope: vendor, now: utc('2026-05-01') })).toEqual([
      {
        vendorId: 'gitkraken',
        resellerId: 'acme',
        resellerName: 'Acme Resale',
        licenseTemplateId: 'tpl',
        rights: 1,
        granted: 3,
        used: 1,
        remaining: 2,
        blocked: 0,
        blockedUnused: 0,
        expired: 0,
        expiredUnused: 0,
        usedPercent: '33.3',
      },
    ]);
    expect((await dashboardUtilization(harness.readStore, { scope: vendor, now: utc('2026-06-01') }))[0]).toMatchObject({
      remaining: 0,
      expired: 1,
      expiredUnused: 2,
    });
    expect(await dashboardOverview(harness.readStore, vendor)).toEqual({
      scope: vendor,
      partners: [
        { vendorId: 'gitkraken', resellerId: 'acme', resellerName: 'Acme Resale', currencies: ['USD'] },
        { vendorId: 'gitkraken', resellerId: 'tokyo-soft', resellerName: 'Tokyo Soft KK', currencies: ['JPY'] },
      ],
      currencies: ['JPY', 'USD'],
      months: { first: '2026-01', last: '2026-03' },
    });
  });
});
