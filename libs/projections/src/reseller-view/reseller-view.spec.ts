import type { ReadStore } from '@channel-ledger/read-store';
import * as ev from '../testing/channel-events';
import { channelStreamOf, OTHER_RESELLER, RESELLER, VENDOR } from '../testing/channel-events';
import { projectionHarness, ProjectionHarness } from '../testing/projection-harness';
import { RecordedLog } from '../testing/recorded';
import {
  pendingTransferAt,
  publicCustomersForIssuance,
  renewalsDue,
  resellerCustomer,
  resellerCustomers,
  resellerIssuanceRight,
  resellerIssuanceRights,
  resellerLicenses,
  resellerSubscription,
  resellerSubscriptions,
  resellerViewProjection,
  transferStatusAt,
} from './index';

const R1 = RESELLER.resellerId;
const R2 = OTHER_RESELLER.resellerId;

describe('reseller-view projection (on a real SQLite read store)', () => {
  let harness: ProjectionHarness;
  let store: ReadStore;
  let log: RecordedLog;

  beforeEach(async () => {
    harness = await projectionHarness(resellerViewProjection);
    store = harness.readStore;
    log = new RecordedLog();
  });
  afterEach(() => harness.close());

  const given = (...events: { type: string; data: object }[]) =>
    harness.apply(...events.map((event) => log.append(channelStreamOf(event), event)));
  const customer = async () => (await resellerCustomer(store, R1, 'org-1'))!;
  const subscription = async (id = 'sub-1') => (await resellerSubscription(store, R1, id))!;

  describe('customers and ownership (rules 2, 3)', () => {
    it('a purchase for a customer leaves the reseller owner, visible to that reseller only', async () => {
      await given(ev.organizationCreated(), ev.subscriptionPurchased());

      const page = await resellerCustomers(store, R1);
      expect(page.items.map((c) => c.organizationId)).toEqual(['org-1']);
      expect(page.items[0]).toMatchObject({
        resellerId: R1,
        vendorId: VENDOR,
        name: 'Acme GmbH',
        isPublic: false,
        owner: { kind: 'reseller', resellerId: R1 },
        pendingTransfer: null,
        contacts: { primary: { name: 'Alice Admin', email: 'alice@acme.test' }, billing: null, technical: null },
        admins: [],
        createdAt: '2026-01-05T09:00:00.000Z',
      });
      expect((await resellerCustomers(store, R2)).items).toEqual([]);
      expect(await resellerCustomer(store, R2, 'org-1')).toBeNull();
      expect(await resellerSubscription(store, R2, 'sub-1')).toBeNull();
    });

    it('an initiated transfer is pending with its expiry; acceptance makes the customer owner', async () => {
      await given(ev.organizationCreated(), ev.subscriptionPurchased(), ev.transferInitiated());
      const pending = await customer();
      expect(pending.pendingTransfer).toEqual({
        transferId: 'transfer-1',
        toEmail: 'alice@acme.test',
        initiatedAt: '2026-01-10T12:00:00.000Z',
        expiresAt: '2026-01-17T12:00:00.000Z',
      });
      expect(pending.owner).toEqual({ kind: 'reseller', resellerId: R1 });

      await given(ev.transferAccepted());
      const accepted = await customer();
      expect(accepted.owner).toEqual({ kind: 'customer', email: 'alice@acme.test' });
      expect(accepted.pendingTransfer).toBeNull();
      expect(accepted.lastTransfer).toEqual({
        transferId: 'transfer-1',
        toEmail: 'alice@acme.test',
        outcome: 'accepted',
        at: '2026-01-12T08:00:00.000Z',
      });
      // The reseller still manages the customer after handing over ownership.
      expect((await resellerCustomers(store, R1)).items).toHaveLength(1);
    });

    it('a transfer lapses at expiresAt at read time, before any sweep records it', async () => {
      await given(ev.organizationCreated(), ev.transferInitiated());
      const doc = await customer();
      expect(transferStatusAt(doc, '2026-01-17T11:59:59.999Z')).toBe('pending');
      expect(pendingTransferAt(doc, '2026-01-17T11:59:59.999Z')?.transferId).toBe('transfer-1');
      expect(transferStatusAt(doc, '2026-01-17T12:00:00.000Z')).toBe('expired');
      expect(pendingTransferAt(doc, '2026-01-18T00:00:00.000Z')).toBeNull();
    });

    it('an expired transfer is closed and leaves the reseller owner', async () => {
      await given(ev.organizationCreated(), ev.transferInitiated(), ev.transferExpired());
      const doc = await customer();
      expect(doc.pendingTransfer).toBeNull();
      expect(doc.owner).toEqual({ kind: 'reseller', resellerId: R1 });
      expect(doc.lastTransfer).toMatchObject({ outcome: 'expired', at: '2026-01-17T12:00:00.000Z' });
      // The same answer as before the lapse was recorded.
      expect(transferStatusAt(doc, '2026-02-01T00:00:00.000Z')).toBe('expired');
    });

    it('a cancelled transfer is closed; a late expiry of an older transfer leaves a newer one open', async () => {
      await given(ev.organizationCreated(), ev.transferInitiated(), ev.transferCancelled());
      expect(await customer()).toMatchObject({
        pendingTransfer: null,
        lastTransfer: { outcome: 'cancelled', at: '2026-01-11T00:00:00.000Z' },
      });

      await given(
        ev.transferInitiated({ transferId: 'transfer-2', initiatedAt: '2026-01-20T00:00:00.000Z', expiresAt: '2026-01-27T00:00:00.000Z' }),
      );
      await given(ev.transferExpired({ transferId: 'transfer-1' }));
      expect((await customer()).pendingTransfer?.transferId).toBe('transfer-2');
    });

    it('tracks administrators, contacts, a contact change request and company details', async () => {
      await given(ev.organizationCreated(), ev.administratorInvited());
      expect((await customer()).admins).toEqual([
        {
          invitationId: 'invitation-1',
          email: 'bob@acme.test',
          status: 'invited',
          invitedAt: '2026-01-13T00:00:00.000Z',
          acceptedAt: null,
        },
      ]);
      await given(ev.invitationAccepted(), ev.contactChangeRequested());
      expect((await customer()).contactChangeRequests[0]).toMatchObject({ requestId: 'request-1', status: 'pending' });
      await given(ev.contactChanged(), ev.companyDetailsChanged());
      const doc = await customer();
      expect(doc.admins[0]).toMatchObject({ status: 'accepted', acceptedAt: '2026-01-14T00:00:00.000Z' });
      expect(doc.contacts.billing).toEqual({ name: 'Carol Billing', email: 'carol@acme.test' });
      expect(doc.contactChangeRequests[0]).toMatchObject({ status: 'approved', decidedAt: '2026-01-16T00:00:00.000Z' });
      expect(doc).toMatchObject({ name: 'Acme AG', companyDetails: { legalName: 'Acme AG' } });
    });

    it('lists customers by name, page by page', async () => {
      await given(
        ev.organizationCreated({ organizationId: 'org-c', name: 'Cyan Ltd' }),
        ev.organizationCreated({ organizationId: 'org-a', name: 'Amber Inc' }),
        ev.organizationCreated({ organizationId: 'org-b', name: 'Beige SA' }),
      );
      const first = await resellerCustomers(store, R1, { limit: 2 });
      const second = await resellerCustomers(store, R1, { limit: 2, cursor: first.nextCursor });
      expect([...first.items, ...second.items].map((c) => c.name)).toEqual(['Amber Inc', 'Beige SA', 'Cyan Ltd']);
      expect(second.nextCursor).toBeNull();
    });

    it("rule 13: the vendor's public customers can be found for issuance, with identifying fields only", async () => {
      await given(
        ev.organizationCreated(),
        ev.organizationCreated({ organizationId: 'org-2', name: 'Public Corp', isPublic: true, managingReseller: OTHER_RESELLER }),
        ev.organizationCreated({ organizationId: 'org-3', name: 'Other Vendor Co', isPublic: true, vendorId: 'vendor-2' }),
      );
      expect((await publicCustomersForIssuance(store, VENDOR)).items).toEqual([
        { organizationId: 'org-2', vendorId: VENDOR, name: 'Public Corp' },
      ]);

      await given(ev.settingsChanged({ organizationId: 'org-1', isPublic: true }));
      expect((await publicCustomersForIssuance(store, VENDOR)).items.map((c) => c.organizationId)).toEqual(['org-1', 'org-2']);
      // Still not in the other reseller's own customer list.
      expect((await resellerCustomers(store, R2)).items.map((c) => c.organizationId)).toEqual(['org-2']);
    });
  });

  describe('subscriptions', () => {
    beforeEach(() => given(ev.organizationCreated(), ev.subscriptionPurchased()));

    it('shows plan, seats, term, next charge date and the annual total', async () => {
      expect(await subscription()).toMatchObject({
        resellerId: R1,
        organizationId: 'org-1',
        vendorId: VENDOR,
        channel: 'reseller',
        planId: 'plan-pro',
        product: 'Ledger',
        tier: 'pro',
        billingPeriod: 'annual',
        currency: 'USD',
        unitPrice: '120.00',
        seats: 5,
        seatsAssigned: 0,
        periodStart: '2026-01-10T00:00:00.000Z',
        periodEnd: '2027-01-10T00:00:00.000Z',
        nextChargeDate: '2027-01-10T00:00:00.000Z',
        periodTotal: '600.00',
        annualTotal: '600.00',
        status: 'active',
        cancelAt: null,
      });
      expect((await resellerSubscriptions(store, R1, { organizationId: 'org-1' })).items.map((s) => s.id)).toEqual(['sub-1']);
      expect((await resellerSubscriptions(store, R1, { organizationId: 'org-1', status: 'active' })).items).toHaveLength(1);
      expect((await resellerSubscriptions(store, R2)).items).toEqual([]);
    });

    it('a monthly subscription counts twelve periods a year (decimal, no float drift)', async () => {
      await given(
        ev.subscriptionPurchased({
          subscriptionId: 'sub-m',
          billingPeriod: 'monthly',
          unitPrice: '12.10',
          seats: 3,
          periodStart: '2026-01-10T00:00:00.000Z',
          periodEnd: '2026-02-10T00:00:00.000Z',
        }),
      );
      expect(await subscription('sub-m')).toMatchObject({
        periodTotal: '36.30',
        annualTotal: '435.60',
        nextChargeDate: '2026-02-10T00:00:00.000Z',
      });
    });

    it('seats added mid-term count at once, and so does the annual total (rule 4)', async () => {
      await given(ev.seatsPurchased());
      expect(await subscription()).toMatchObject({ seats: 7, annualTotal: '840.00', periodEnd: '2027-01-10T00:00:00.000Z' });
    });

    it('a plan change moves plan, price and total', async () => {
      await given(ev.seatsPurchased(), ev.planChanged());
      expect(await subscription()).toMatchObject({
        planId: 'plan-teams',
        tier: 'teams',
        unitPrice: '150.00',
        seats: 7,
        annualTotal: '1050.00',
      });
    });

    it('a renewal moves the term and the next charge date, on the renewed terms', async () => {
      await given(ev.seatsPurchased(), ev.planChanged(), ev.subscriptionRenewed());
      expect(await subscription()).toMatchObject({
        periodStart: '2027-01-10T00:00:00.000Z',
        periodEnd: '2028-01-10T00:00:00.000Z',
        nextChargeDate: '2028-01-10T00:00:00.000Z',
        unitPrice: '160.00',
        seats: 7,
        annualTotal: '1120.00',
        status: 'active',
      });
    });

    it('renewals due: active subscriptions charged before a date, soonest first', async () => {
      await given(
        ev.subscriptionPurchased({ subscriptionId: 'sub-2', periodEnd: '2026-06-01T00:00:00.000Z' }),
        ev.subscriptionPurchased({ subscriptionId: 'sub-3', periodEnd: '2030-01-01T00:00:00.000Z' }),
      );
      expect((await renewalsDue(store, R1, '2027-02-01T00:00:00Z')).items.map((s) => s.id)).toEqual(['sub-2', 'sub-1']);
      await given(ev.subscriptionCancelled({ subscriptionId: 'sub-2' }));
      expect((await renewalsDue(store, R1, '2027-02-01T00:00:00Z')).items.map((s) => s.id)).toEqual(['sub-1']);
    });

    it('a cancellation takes effect at the end of paid time; then the subscription expires', async () => {
      await given(ev.subscriptionRenewed(), ev.subscriptionCancelled());
      expect(await subscription()).toMatchObject({
        status: 'cancelled',
        cancelledAt: '2027-03-01T00:00:00.000Z',
        cancelAt: '2028-01-10T00:00:00.000Z',
        nextChargeDate: null,
      });
      expect((await resellerSubscriptions(store, R1, { status: 'cancelled' })).items.map((s) => s.id)).toEqual(['sub-1']);
      expect((await resellerSubscriptions(store, R1, { status: 'active' })).items).toEqual([]);

      await given(ev.subscriptionExpired());
      expect(await subscription()).toMatchObject({ status: 'expired', expiredAt: '2028-01-10T00:00:00.000Z', nextChargeDate: null });
    });

    it('seat assignment counts who uses the seats bought', async () => {
      await given(ev.seatAssigned(), ev.seatAssigned({ email: 'erin@acme.test' }));
      expect(await subscription()).toMatchObject({ seats: 5, seatsAssigned: 2, assignedTo: ['dave@acme.test', 'erin@acme.test'] });
      await given(ev.seatUnassigned());
      expect(await subscription()).toMatchObject({ seatsAssigned: 1, assignedTo: ['erin@acme.test'] });
    });

    it('follows the invoice owner: another reseller takes it over; a move to direct hides it', async () => {
      await given(ev.invoiceOwnerChanged());
      expect(await resellerSubscription(store, R1, 'sub-1')).toBeNull();
      expect((await resellerSubscriptions(store, R2)).items.map((s) => s.id)).toEqual(['sub-1']);

      await given(
        ev.invoiceOwnerChanged({
          to: { kind: 'organization', id: 'org-1', name: 'Acme GmbH', email: 'billing@acme.test' },
          toChannel: 'direct',
        }),
      );
      expect((await resellerSubscriptions(store, R2)).items).toEqual([]);
    });

    it('ignores direct purchases and invoices (not the reseller view)', async () => {
      await given(ev.invoiceIssued(), ev.directPurchaseRecorded());
      expect((await resellerSubscriptions(store, R1)).items.map((s) => s.id)).toEqual(['sub-1']);
      expect(await store.get('reseller_subscriptions', 'sub-direct')).toBeNull();
    });
  });

  describe('issuance rights and licenses (rules 12, 14)', () => {
    it('a consumed right shows what remains; usable rights exclude expired and blocked ones', async () => {
      await given(
        ev.rightGranted(),
        ev.rightGranted({ rightId: 'right-nfr', nfr: true, maxLicenses: 1, expiresAt: '2026-06-01T00:00:00.000Z' }),
      );
      expect(await resellerIssuanceRight(store, R1, 'right-1')).toMatchObject({
        maxLicenses: 3,
        used: 0,
        remaining: 3,
        blocked: false,
        nfr: false,
      });

      await given(ev.licenseIssued(), ev.rightConsumed());
      expect(await resellerIssuanceRight(store, R1, 'right-1')).toMatchObject({ used: 1, remaining: 2 });

      const usable = async (at: string) => (await resellerIssuanceRights(store, R1, { usableAt: at })).items.map((r) => r.rightId);
      // Soonest expiring first.
      expect(await usable('2026-03-01T00:00:00.000Z')).toEqual(['right-nfr', 'right-1']);
      expect(await usable('2026-06-01T00:00:00.000Z')).toEqual(['right-1']);
      await given(ev.rightBlocked());
      expect(await usable('2026-03-01T00:00:00.000Z')).toEqual(['right-nfr']);
      expect(await resellerIssuanceRight(store, R1, 'right-1')).toMatchObject({ blocked: true, blockReason: 'contract ended' });
      // A right is never deleted.
      expect((await resellerIssuanceRights(store, R1)).items).toHaveLength(2);
      expect(await resellerIssuanceRight(store, R2, 'right-1')).toBeNull();
    });

    it('licenses issued linked, unlinked and NFR; delivered and revoked', async () => {
      await given(
        ev.organizationCreated(),
        ev.rightGranted(),
        ev.licenseIssued(),
        ev.licenseIssued({ licenseId: 'license-2', organizationId: null }),
        ev.licenseIssued({ licenseId: 'license-3', nfr: true, rightId: 'right-nfr' }),
        ev.licenseDelivered(),
      );
      const ids = async (filter: Parameters<typeof resellerLicenses>[2]) =>
        (await resellerLicenses(store, R1, filter)).items.map((l) => l.licenseId);
      expect(await ids({ organizationId: 'org-1' })).toEqual(['license-1', 'license-3']);
      expect(await ids({ organizationId: null })).toEqual(['license-2']);
      expect(await ids({ status: 'delivered' })).toEqual(['license-1']);
      expect(await ids({ rightId: 'right-nfr' })).toEqual(['license-3']);
      const [delivered] = (await resellerLicenses(store, R1, { status: 'delivered' })).items;
      expect(delivered).toMatchObject({ deliveredTo: 'alice@acme.test', nfr: false, rightId: 'right-1' });
      expect((await resellerLicenses(store, R1, { rightId: 'right-nfr' })).items[0].nfr).toBe(true);

      await given(ev.licenseRevoked());
      expect(await ids({ organizationId: 'org-1', status: 'revoked' })).toEqual(['license-1']);
      expect((await resellerLicenses(store, R1, { status: 'revoked' })).items[0]).toMatchObject({
        revokedAt: '2026-03-01T00:00:00.000Z',
        revokeReason: 'refund',
      });
      expect((await resellerLicenses(store, R2)).items).toEqual([]);
    });
  });

  it('events of unknown documents write nothing (no failed patch)', async () => {
    await given(ev.transferAccepted(), ev.seatsPurchased(), ev.rightConsumed(), ev.licenseRevoked());
    for (const collection of resellerViewProjection.collections) expect(await harness.all(collection.name)).toEqual([]);
  });

  it('is pure: replaying the same events gives the same documents', async () => {
    const events = [
      ev.organizationCreated(),
      ev.subscriptionPurchased(),
      ev.transferInitiated(),
      ev.seatsPurchased(),
      ev.rightGranted(),
      ev.licenseIssued(),
    ];
    await given(...events);
    const again = await projectionHarness(resellerViewProjection);
    try {
      await again.apply(...log.events);
      for (const { name } of resellerViewProjection.collections) {
        expect(await again.readStore.digest(name)).toBe(await store.digest(name));
      }
    } finally {
      await again.close();
    }
  });
});
