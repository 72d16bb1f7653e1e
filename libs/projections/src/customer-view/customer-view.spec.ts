import type { ReadStore } from '@channel-ledger/read-store';
import * as ev from '../testing/channel-events';
import { channelStreamOf, OTHER_RESELLER, RESELLER } from '../testing/channel-events';
import { projectionHarness, ProjectionHarness } from '../testing/projection-harness';
import { RecordedLog } from '../testing/recorded';
import {
  customerOrganization,
  customerOrganizationFor,
  customerOrganizationsOf,
  CustomerOrganization,
  customerViewProjection,
  openTransferAt,
} from './index';

const NOTE = `Bought through ${RESELLER.companyName} — changes go through them`;

describe('customer-view projection (on a real SQLite read store)', () => {
  let harness: ProjectionHarness;
  let store: ReadStore;
  let log: RecordedLog;

  beforeEach(async () => {
    harness = await projectionHarness(customerViewProjection);
    store = harness.readStore;
    log = new RecordedLog();
  });
  afterEach(() => harness.close());

  const given = (...events: { type: string; data: object }[]) =>
    harness.apply(...events.map((event) => log.append(channelStreamOf(event), event)));
  const organization = async (): Promise<CustomerOrganization> => (await customerOrganization(store, 'org-1'))!;
  const subscription = async (id = 'sub-1') => (await organization()).subscriptions.find((s) => s.subscriptionId === id)!;

  it('a purchase through a reseller: read-only, the reseller owns it until the customer accepts (rules 2, 8)', async () => {
    await given(ev.organizationCreated(), ev.subscriptionPurchased());
    expect(await organization()).toMatchObject({
      organizationId: 'org-1',
      name: 'Acme GmbH',
      companyDetails: { legalName: 'Acme GmbH', city: 'Berlin', country: 'DE' },
      boughtThrough: { resellerId: RESELLER.resellerId, companyName: RESELLER.companyName, note: NOTE },
      owner: { kind: 'reseller', resellerId: RESELLER.resellerId, companyName: RESELLER.companyName },
      contacts: { primary: { name: 'Alice Admin', email: 'alice@acme.test' }, billing: null, technical: null },
      subscriptions: [
        {
          subscriptionId: 'sub-1',
          channel: 'reseller',
          boughtThrough: { resellerId: RESELLER.resellerId, companyName: RESELLER.companyName },
          planId: 'plan-pro',
          product: 'Ledger',
          tier: 'pro',
          billingPeriod: 'annual',
          seats: 5,
          seatsAssigned: 0,
          assignedTo: [],
          periodStart: '2026-01-10T00:00:00.000Z',
          periodEnd: '2027-01-10T00:00:00.000Z',
          status: 'active',
          cancelAt: null,
        },
      ],
      licenses: [],
    });
    // The contact named in the purchase has no access until it accepts ownership.
    expect(await customerOrganizationFor(store, 'org-1', 'alice@acme.test')).toBeNull();
  });

  it('ownership: an offer with its expiry, then the customer owns and may sign in', async () => {
    await given(ev.organizationCreated(), ev.transferInitiated());
    const offered = await organization();
    expect(offered.pendingTransfer).toEqual({
      transferId: 'transfer-1',
      toEmail: 'alice@acme.test',
      expiresAt: '2026-01-17T12:00:00.000Z',
    });
    expect(openTransferAt(offered, '2026-01-17T11:00:00.000Z')).not.toBeNull();
    expect(openTransferAt(offered, '2026-01-17T12:00:00.000Z')).toBeNull();

    await given(ev.transferAccepted());
    expect(await organization()).toMatchObject({ owner: { kind: 'customer', email: 'alice@acme.test' }, pendingTransfer: null });
    expect((await customerOrganizationFor(store, 'org-1', 'Alice@Acme.test'))?.organizationId).toBe('org-1');
    expect((await customerOrganizationsOf(store, 'alice@acme.test')).items).toEqual([
      { id: 'org-1/owner/alice@acme.test', organizationId: 'org-1', email: 'alice@acme.test', role: 'owner' },
    ]);
    expect(await customerOrganizationFor(store, 'org-1', 'mallory@evil.test')).toBeNull();
  });

  it('an expired or cancelled offer is withdrawn', async () => {
    await given(ev.organizationCreated(), ev.transferInitiated(), ev.transferExpired());
    expect((await organization()).pendingTransfer).toBeNull();
    await given(ev.transferInitiated({ transferId: 'transfer-2' }), ev.transferCancelled({ transferId: 'transfer-2' }));
    expect(await organization()).toMatchObject({ pendingTransfer: null, owner: { kind: 'reseller' } });
  });

  it('administrators are invited, and see the organization once they accept (rule 15)', async () => {
    await given(ev.organizationCreated(), ev.administratorInvited());
    expect((await organization()).administrators).toEqual([
      { invitationId: 'invitation-1', email: 'bob@acme.test', status: 'invited', invitedAt: '2026-01-13T00:00:00.000Z', acceptedAt: null },
    ]);
    expect(await customerOrganizationFor(store, 'org-1', 'bob@acme.test')).toBeNull();

    await given(ev.invitationAccepted());
    expect((await organization()).administrators[0]).toMatchObject({ status: 'accepted', acceptedAt: '2026-01-14T00:00:00.000Z' });
    expect((await customerOrganizationFor(store, 'org-1', 'bob@acme.test'))?.name).toBe('Acme GmbH');
    expect((await customerOrganizationsOf(store, 'bob@acme.test')).items.map((a) => a.role)).toEqual(['administrator']);
  });

  it('contacts and company details follow their changes', async () => {
    await given(ev.organizationCreated(), ev.contactChangeRequested(), ev.contactChanged(), ev.companyDetailsChanged());
    expect(await organization()).toMatchObject({
      name: 'Acme AG',
      companyDetails: { legalName: 'Acme AG' },
      contacts: { billing: { name: 'Carol Billing', email: 'carol@acme.test' } },
    });
  });

  it('seats, plan, assignments, renewal and cancellation show on the subscription', async () => {
    await given(ev.organizationCreated(), ev.subscriptionPurchased(), ev.seatsPurchased(), ev.planChanged(), ev.seatAssigned());
    expect(await subscription()).toMatchObject({
      seats: 7,
      tier: 'teams',
      planId: 'plan-teams',
      seatsAssigned: 1,
      assignedTo: ['dave@acme.test'],
    });

    await given(ev.seatUnassigned(), ev.subscriptionRenewed(), ev.subscriptionCancelled());
    expect(await subscription()).toMatchObject({
      seatsAssigned: 0,
      periodStart: '2027-01-10T00:00:00.000Z',
      periodEnd: '2028-01-10T00:00:00.000Z',
      status: 'cancelled',
      cancelAt: '2028-01-10T00:00:00.000Z',
    });
    await given(ev.subscriptionExpired());
    expect((await subscription()).status).toBe('expired');
  });

  it('a direct purchase after the reseller subscription ran out: bought directly (rule 11)', async () => {
    await given(ev.organizationCreated(), ev.subscriptionPurchased(), ev.directPurchaseRecorded());
    // The reseller subscription still runs: changes to it still go through the reseller.
    expect((await organization()).boughtThrough?.resellerId).toBe(RESELLER.resellerId);
    expect(await subscription('sub-direct')).toMatchObject({ channel: 'direct', boughtThrough: null, seats: 4 });

    await given(ev.subscriptionExpired({ reason: 'not-renewed', expiredAt: '2027-01-10T00:00:00.000Z' }));
    expect((await organization()).boughtThrough).toBeNull();
  });

  it('an invoice owner change shows the new reseller, or none once direct', async () => {
    await given(ev.organizationCreated(), ev.subscriptionPurchased(), ev.invoiceOwnerChanged());
    expect((await subscription()).boughtThrough).toEqual({
      resellerId: OTHER_RESELLER.resellerId,
      companyName: OTHER_RESELLER.companyName,
    });
    expect((await organization()).boughtThrough?.note).toBe(`Bought through ${OTHER_RESELLER.companyName} — changes go through them`);

    await given(
      ev.invoiceOwnerChanged({
        to: { kind: 'organization', id: 'org-1', name: 'Acme GmbH', email: 'billing@acme.test' },
        toChannel: 'direct',
      }),
    );
    expect(await subscription()).toMatchObject({ channel: 'direct', boughtThrough: null });
    expect((await organization()).boughtThrough).toBeNull();
  });

  it('licenses of the organization: available until revoked; unlinked ones are not shown (rule 14)', async () => {
    await given(
      ev.organizationCreated(),
      ev.licenseIssued(),
      ev.licenseIssued({ licenseId: 'license-nfr', nfr: true }),
      ev.licenseIssued({ licenseId: 'license-unlinked', organizationId: null }),
      ev.licenseDelivered(),
    );
    expect((await organization()).licenses).toEqual([
      {
        licenseId: 'license-1',
        licenseTemplateId: 'template-ledger',
        nfr: false,
        status: 'delivered',
        available: true,
        issuedAt: '2026-02-01T00:00:00.000Z',
        deliveredTo: 'alice@acme.test',
        deliveredAt: '2026-02-02T00:00:00.000Z',
      },
      expect.objectContaining({ licenseId: 'license-nfr', nfr: true, status: 'issued', available: true }),
    ]);
    await given(ev.licenseRevoked());
    expect((await organization()).licenses[0]).toMatchObject({ status: 'revoked', available: false });
  });

  it('never carries prices, amounts, invoices or payment methods', async () => {
    const purchase = ev.subscriptionPurchased();
    const invoice = ev.invoiceIssued();
    await given(
      ev.resellerRegistered(),
      ev.paymentMethodAdded(),
      ev.organizationCreated(),
      purchase,
      invoice,
      ev.transferInitiated(),
      ev.transferAccepted(),
      ev.administratorInvited(),
      ev.invitationAccepted(),
      ev.contactChangeRequested(),
      ev.contactChanged(),
      ev.seatsPurchased(),
      ev.invoiceIssued({ invoiceId: 'invoice-2', invoiceNumber: 'sub-1-2', reason: 'added-seats', total: '98.63' }),
      ev.planChanged(),
      ev.seatAssigned(),
      ev.subscriptionRenewed(),
      ev.directPurchaseRecorded({ subscriptionId: 'sub-2' }),
      ev.rightGranted(),
      ev.licenseIssued(),
      ev.rightConsumed(),
      ev.licenseDelivered(),
      ev.subscriptionCancelled(),
      ev.invoiceOwnerChanged(),
    );

    const documents = (await Promise.all(customerViewProjection.collections.map((c) => harness.all(c.name)))).flat();
    expect(documents.length).toBeGreaterThan(0);
    const keys = new Set<string>();
    const values = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          keys.add(key);
          walk(inner);
        }
      } else values.add(String(value));
    };
    walk(documents);

    const forbidden = [...keys].filter((key) => /price|total|amount|invoice|payment|currency|card/i.test(key));
    expect(forbidden).toEqual([]);
    const serialized = JSON.stringify(documents);
    for (const leak of [
      '120.00',
      '150.00',
      '160.00',
      '130.00',
      invoice.data.total,
      '98.63',
      'pm-1',
      'pm-acme',
      'invoice-1',
      RESELLER.email,
    ]) {
      expect(serialized).not.toContain(leak);
    }
    expect(values.has(purchase.data.unitPrice)).toBe(false);
  });

  it('is pure: replaying the same events gives the same documents', async () => {
    await given(ev.organizationCreated(), ev.subscriptionPurchased(), ev.transferInitiated(), ev.transferAccepted(), ev.licenseIssued());
    const again = await projectionHarness(customerViewProjection);
    try {
      await again.apply(...log.events);
      for (const { name } of customerViewProjection.collections) expect(await again.readStore.digest(name)).toBe(await store.digest(name));
    } finally {
      await again.close();
    }
  });
});
