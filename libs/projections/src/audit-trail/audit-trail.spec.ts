import type {
  CustomerOrganizationCreated,
  LicenseDelivered,
  LicenseIssued,
  OwnershipTransferInitiated,
  ResellerRegistered,
} from '@channel-ledger/domain';
import { projectionHarness, ProjectionHarness } from '../testing/projection-harness';
import { auditTrailOfCorrelation, auditTrailOfOrganization, auditTrailOfSubscription, auditTrailProjection, positionKey } from './index';
import type { AuditEntry } from './index';
import { acme, asReseller, ChannelLog, organization, plan, purchaseCommand, SubscriptionHistory, utc } from './testing/channel-fixtures';

const globex = organization('org-globex', 'Globex', acme);
const proAnnual = plan('pro', '96.00');

const registered: ResellerRegistered = {
  type: 'ResellerRegistered',
  data: {
    resellerId: 'acme',
    companyName: 'Acme Resale',
    email: 'sales@acme.example',
    partnerKind: 'reseller',
    verificationTokenHash: 'h',
    verificationExpiresAt: utc('2026-01-11'),
    registeredAt: utc('2026-01-10'),
  },
};
const created: CustomerOrganizationCreated = {
  type: 'CustomerOrganizationCreated',
  data: {
    organizationId: 'org-globex',
    vendorId: 'gitkraken',
    name: 'Globex',
    companyDetails: { country: 'US' },
    customerContact: { name: 'Hank Scorpio', email: 'it@globex.example' },
    isPublic: false,
    customerAssociationEnabled: false,
    managingReseller: { resellerId: 'acme', companyName: 'Acme Resale', email: 'sales@acme.example' },
    createdAt: utc('2026-01-20'),
  },
};
const transferInitiated: OwnershipTransferInitiated = {
  type: 'OwnershipTransferInitiated',
  data: {
    organizationId: 'org-globex',
    transferId: 't-1',
    fromResellerId: 'acme',
    toEmail: 'it@globex.example',
    initiatedAt: utc('2026-03-01'),
    expiresAt: utc('2026-03-08'),
  },
};
const licenseIssued: LicenseIssued = {
  type: 'LicenseIssued',
  data: {
    licenseId: 'lic-1',
    rightId: 'right-1',
    vendorId: 'gitkraken',
    licenseTemplateId: 'tpl-pro',
    resellerId: 'acme',
    organizationId: 'org-globex',
    nfr: false,
    issuedAt: utc('2026-09-01'),
  },
};
const licenseDelivered: LicenseDelivered = {
  type: 'LicenseDelivered',
  data: { licenseId: 'lic-1', toEmail: 'it@globex.example', deliveredBy: { kind: 'reseller', id: 'acme' }, deliveredAt: utc('2026-09-01') },
};

/** Purchase → ownership transfer → seats added → license, as the application would append them. */
function purchaseToLicense(): ChannelLog {
  const log = new ChannelLog();
  const sub = new SubscriptionHistory();
  const byAcme = { actor: asReseller(acme) };
  log.record('reseller-acme', [registered], { at: utc('2026-01-10'), ...byAcme });
  log.record('organization-org-globex', [created], { at: utc('2026-01-20'), ...byAcme });
  log.record(
    'subscription-sub-1',
    sub.decide(
      purchaseCommand({
        subscriptionId: 'sub-1',
        reseller: acme,
        organization: globex,
        plan: proAnnual,
        seats: 10,
        now: utc('2026-01-31'),
      }),
    ),
    { at: utc('2026-01-31'), ...byAcme },
  );
  log.record('organization-org-globex', [transferInitiated], { at: utc('2026-03-01'), ...byAcme });
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
    { at: utc('2026-08-31'), ...byAcme },
  );
  log.record('license-lic-1', [licenseIssued, licenseDelivered], { at: utc('2026-09-01'), ...byAcme });
  return log;
}

describe('audit-trail projection', () => {
  let harness: ProjectionHarness;
  beforeEach(async () => {
    harness = await projectionHarness(auditTrailProjection);
  });
  afterEach(() => harness.close());

  it('files a purchase → transfer → seats added → license in log order, with a sentence each', async () => {
    const log = purchaseToLicense();
    await harness.apply(...log.events);

    const { items: entries, nextCursor } = await auditTrailOfOrganization(harness.readStore, 'org-globex');
    expect(nextCursor).toBeNull();
    expect(entries.map((e) => [e.type, e.description])).toEqual([
      ['CustomerOrganizationCreated', 'Acme Resale created customer organization Globex, contact it@globex.example'],
      ['SubscriptionPurchased', 'Acme Resale bought 10 GitLens Pro seats (annual) for Globex, invoice owner Acme Resale'],
      ['InvoiceIssued', 'Invoice sub-1-1 (purchase) issued to Acme Resale: USD 960.00'],
      ['OwnershipTransferInitiated', 'Ownership transfer to it@globex.example initiated, expires 2026-03-08'],
      // 96.00 × 5 seats × 153 / 365 days = 201.2054… → 201.21 (half-even, once per line)
      ['SeatsPurchased', 'Seats added: 10 → 15, prorated 153 of 365 days, USD 201.21'],
      ['InvoiceIssued', 'Invoice sub-1-2 (added seats) issued to Acme Resale: USD 201.21'],
      ['LicenseIssued', 'Acme Resale issued license lic-1 (template tpl-pro) for Globex'],
      ['LicenseDelivered', 'License lic-1 delivered to it@globex.example'],
    ]);
    // The reseller's own stream is not about a customer: not in the trail.
    expect(entries.some((e) => e.streamId === 'reseller-acme')).toBe(false);
    expect(entries.map((e) => e.positionKey)).toEqual([...entries.map((e) => e.positionKey)].sort());
  });

  it('keeps the envelope: ids, actor, channel, times and a sortable position key', async () => {
    const log = purchaseToLicense();
    await harness.apply(...log.events);
    const purchase = log.events.find((e) => e.type === 'SubscriptionPurchased')!;
    const entry = (await harness.readStore.get('audit_entries', purchase.eventId)) as AuditEntry;
    expect(entry).toEqual({
      id: purchase.eventId,
      subscriptionId: 'sub-1',
      organizationId: 'org-globex',
      licenseId: null,
      positionKey: positionKey(purchase.position),
      position: purchase.position.toString(),
      streamId: 'subscription-sub-1',
      revision: '0',
      type: 'SubscriptionPurchased',
      occurredAt: '2026-01-31T00:00:00.000Z',
      recordedAt: '2026-01-31T00:00:01.000Z',
      actor: { kind: 'reseller', id: 'acme' },
      onBehalfOf: null,
      channel: 'reseller',
      correlationId: purchase.metadata.correlationId,
      causationId: purchase.metadata.causationId,
      commandId: purchase.metadata.commandId,
      description: 'Acme Resale bought 10 GitLens Pro seats (annual) for Globex, invoice owner Acme Resale',
    });
    expect(positionKey(12n)).toBe('00000000000000000012');
    expect(positionKey(18446744073709551615n)).toBe('18446744073709551615');
    // The license's channel is the issuing reseller's partner kind.
    const license = (await auditTrailOfOrganization(harness.readStore, 'org-globex', { order: 'desc', limit: 1 })).items[0];
    expect(license).toMatchObject({ type: 'LicenseDelivered', licenseId: 'lic-1', channel: 'reseller' });
  });

  it('answers per subscription, per command and page by page with a cursor', async () => {
    const log = purchaseToLicense();
    await harness.apply(...log.events);

    const subscriptionTypes: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await auditTrailOfSubscription(harness.readStore, 'sub-1', { limit: 3, cursor });
      subscriptionTypes.push(...page.items.map((e) => e.type));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(subscriptionTypes).toEqual(['SubscriptionPurchased', 'InvoiceIssued', 'SeatsPurchased', 'InvoiceIssued']);

    const addSeats = log.events.find((e) => e.type === 'SeatsPurchased')!;
    const command = await auditTrailOfCorrelation(harness.readStore, addSeats.metadata.correlationId);
    expect(command.items.map((e) => e.type)).toEqual(['SeatsPurchased', 'InvoiceIssued']);
  });

  it('describes an event type it does not know yet with the fallback, filed under its subscription', async () => {
    const log = purchaseToLicense();
    log.record('subscription-sub-1', [{ type: 'SeatsRecounted', data: { subscriptionId: 'sub-1', seats: 15 } }], {
      at: utc('2026-10-01'),
      actor: { kind: 'system', id: 'sweeper' },
    });
    await harness.apply(...log.events);
    const { items: entries } = await auditTrailOfSubscription(harness.readStore, 'sub-1', { order: 'desc', limit: 1 });
    expect(entries[0]).toMatchObject({
      type: 'SeatsRecounted',
      organizationId: 'org-globex',
      channel: 'reseller',
      description: 'SeatsRecounted recorded on subscription-sub-1',
    });
  });
});
