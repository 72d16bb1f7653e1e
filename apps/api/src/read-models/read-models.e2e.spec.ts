import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  changeOrganizationSettings,
  CommandEnvelope,
  createCustomerOrganization,
  grantIssuanceRight,
  initiateOwnershipTransfer,
  LedgerContext,
} from '@channel-ledger/application';
import { runSeedScenario, seed } from '@channel-ledger/application/testing/seed-scenario';
import { Actor, EventStore } from '@channel-ledger/event-store';
import { ProjectionRunner, readModelProjections } from '@channel-ledger/projections';
import { registerVerifiedReseller, signInCustomer, signInStaff, signInVendorAdmin } from '../../test/actors';
import { signIn, TestSession } from '../../test/sign-in';
import { startTestApp, TEST_STAFF, TestApp } from '../../test/test-app';
import { EVENT_STORE } from '../infrastructure/infrastructure.module';
import { PROJECTION_RUNNER } from '../infrastructure/read-store.provider';

/** The seed's vendor gets an administrator of its own, beside the standard test staff. */
const SEED_VENDOR_ADMIN = 'admin@gitkraken.test';
const STAFF = [
  `support:${TEST_STAFF.support}`,
  `auditor:${TEST_STAFF.auditor}`,
  `operator:${TEST_STAFF.operator}`,
  ...Object.entries(TEST_STAFF.vendorAdmins).map(([vendorId, email]) => `vendor-admin:${vendorId}:${email}`),
  `vendor-admin:${seed.vendorId}:${SEED_VENDOR_ADMIN}`,
].join(',');

const SEED_READ_AT = '2026-07-01T00:00:00.000Z';

describe('read models over HTTP (projections running inside the API on the embedded store)', () => {
  let t: TestApp;
  let reseller: TestSession;
  let customer: TestSession;
  let support: TestSession;
  let auditor: TestSession;
  let otherReseller: { resellerId: string; session: TestSession };
  const get = (path: string, session?: TestSession) => {
    const call = request(t.http).get(path);
    return session ? call.set(session.auth) : call;
  };
  const book = (path = '') => `/resellers/${seed.resellerId}${path}`;

  /** Preconditions owned by other slices, recorded through the use cases as the named party. */
  const as = (actor: Actor): CommandEnvelope => {
    const commandId = randomUUID();
    return {
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor,
      onBehalfOf: null,
      occurredAt: t.clock.now().toISOString(),
    };
  };
  const caughtUp = async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    await t.app.get<ProjectionRunner>(PROJECTION_RUNNER).waitUntilCaughtUp(await store.headPosition());
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { CHANNEL_LEDGER_STAFF: STAFF } });
    // The seed story happens in the first half of 2026: read it from just after, whenever the test runs
    // (on the real clock, renewals and right expiries would fall due and move the figures).
    t.clock.setTo(new Date(SEED_READ_AT));
    await runSeedScenario(t.app.get<EventStore>(EVENT_STORE));
    const ctx = t.app.get(LedgerContext);
    const acme: Actor = { kind: 'reseller', id: seed.resellerId };
    // A second customer of the seed reseller: public (rule 13), with an ownership offer open now.
    await createCustomerOrganization(ctx, as(acme), {
      organizationId: 'initech',
      vendorId: seed.vendorId,
      name: 'Initech',
      customerContactEmail: 'bill@initech.example',
    });
    await changeOrganizationSettings(ctx, as(acme), { organizationId: 'initech', isPublic: true });
    await initiateOwnershipTransfer(ctx, as(acme), {
      organizationId: 'initech',
      transferId: 'transfer-initech',
      toEmail: 'bill@initech.example',
    });
    otherReseller = await registerVerifiedReseller(t, { companyName: 'Other Resale', email: 'sales@other-resale.example' });
    await grantIssuanceRight(ctx, as({ kind: 'vendor-admin', id: seed.vendorId }), {
      rightId: 'right-other',
      vendorId: seed.vendorId,
      resellerId: otherReseller.resellerId,
      licenseTemplateId: 'gitlens-pro-offline',
      maxLicenses: 5,
      expiresAt: '2030-01-01T00:00:00.000Z',
      nfr: false,
    });
    await caughtUp();
    reseller = await signIn(t, seed.resellerEmail, { role: 'reseller', tenantId: seed.resellerId });
    customer = await signInCustomer(t, seed.customerEmail);
    support = await signInStaff(t, 'support');
    auditor = await signInStaff(t, 'auditor');
  });
  afterAll(() => t.close());

  it('shows the reseller its customers and their subscriptions', async () => {
    const customers = await get(book('/customers'), reseller).expect(200);
    expect(customers.body.items.map((c: { name: string }) => c.name)).toEqual(['Globex', 'Initech']);
    expect(customers.body.items[0]).toMatchObject({
      organizationId: seed.organizationId,
      name: 'Globex',
      owner: { kind: 'customer', email: seed.customerEmail },
      ownership: 'customer',
      transferStatus: 'none',
    });
    expect(customers.body.items[0].nameKey).toBeUndefined();
    const one = await get(book(`/customers/${seed.organizationId}`), reseller).expect(200);
    expect(one.body.subscriptions).toEqual([
      expect.objectContaining({
        subscriptionId: seed.subscriptionId,
        seats: 15,
        seatsAssigned: 1,
        status: 'active',
        annualTotal: '1440.00',
      }),
    ]);
    const rights = await get(book('/issuance-rights'), reseller).expect(200);
    expect(rights.body.items[0]).toMatchObject({ rightId: seed.rightId, used: 1, remaining: 2 });
    const licenses = await get(book(`/licenses?organizationId=${seed.organizationId}`), reseller).expect(200);
    expect(licenses.body.items).toEqual([expect.objectContaining({ licenseId: seed.licenseId, organizationId: seed.organizationId })]);
  });

  it('finds customers by name prefix (any case) and by ownership status, a page at a time', async () => {
    const names = async (query: string) =>
      (await get(book(`/customers?${query}`), reseller).expect(200)).body.items.map((c: { name: string }) => c.name);
    expect(await names('name=GLO')).toEqual(['Globex']);
    expect(await names('name=x')).toEqual([]);
    expect(await names('name=')).toEqual(['Globex', 'Initech']);
    expect(await names('status=customer-owned')).toEqual(['Globex']);
    expect(await names('status=reseller-owned')).toEqual(['Initech']);
    expect(await names('status=transfer-pending')).toEqual(['Initech']);
    expect(await names('status=transfer-pending&name=glo')).toEqual([]);
    const pending = await get(book('/customers?status=transfer-pending'), reseller).expect(200);
    expect(pending.body.items[0]).toMatchObject({ transferStatus: 'pending', pendingTransfer: { toEmail: 'bill@initech.example' } });

    const first = await get(book('/customers?limit=1'), reseller).expect(200);
    expect(first.body.items.map((c: { name: string }) => c.name)).toEqual(['Globex']);
    const second = await get(book(`/customers?limit=1&cursor=${first.body.nextCursor}`), reseller).expect(200);
    expect(second.body.items.map((c: { name: string }) => c.name)).toEqual(['Initech']);
    expect(second.body.nextCursor).toBeNull();

    const wrongList = await get(book(`/customers?name=glo&cursor=${first.body.nextCursor}`), reseller).expect(400);
    expect(wrongList.body).toMatchObject({ code: 'invalid-input', errors: [expect.objectContaining({ field: 'cursor' })] });
    const bad = await get(book('/customers?status=archived'), reseller).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['status']);
  });

  it('lists subscriptions renewing within a date range', async () => {
    // The seed's annual subscription was bought on 2026-01-15: it renews on 2027-01-15.
    const ids = async (query: string) =>
      (await get(book(`/subscriptions?${query}`), reseller).expect(200)).body.items.map(
        (s: { subscriptionId: string }) => s.subscriptionId,
      );
    expect(await ids('renewsFrom=2027-01-01&renewsTo=2027-01-31')).toEqual([seed.subscriptionId]);
    expect(await ids('renewsFrom=2027-01-15&renewsTo=2027-01-15')).toEqual([seed.subscriptionId]);
    expect(await ids('renewsTo=2027-01-14')).toEqual([]);
    expect(await ids(`organizationId=${seed.organizationId}&renewsFrom=2027-01-15T00:00:00Z`)).toEqual([seed.subscriptionId]);
    expect(await ids('renewsFrom=2027-01-01&status=cancelled')).toEqual([]);
    const backwards = await get(book('/subscriptions?renewsFrom=2027-02-01&renewsTo=2027-01-01'), reseller).expect(400);
    expect(backwards.body.errors.map((e: { field: string }) => e.field)).toEqual(['renewsTo']);
    const local = await get(book('/subscriptions?renewsFrom=2027-01-01T00:00'), reseller).expect(400);
    expect(local.body.errors.map((e: { field: string }) => e.field)).toEqual(['renewsFrom']);
  });

  it('shows a reseller the public customers of its vendors that other resellers manage, and nothing more of them', async () => {
    const visible = await get(`/resellers/${otherReseller.resellerId}/public-customers`, otherReseller.session).expect(200);
    expect(visible.body).toEqual({ items: [{ organizationId: 'initech', vendorId: seed.vendorId, name: 'Initech' }], nextCursor: null });
    const sameVendor = await get(
      `/resellers/${otherReseller.resellerId}/public-customers?vendorId=${seed.vendorId}`,
      otherReseller.session,
    ).expect(200);
    expect(sameVendor.body.items).toHaveLength(1);
    // A vendor it holds no usable right of shows nothing.
    const otherVendor = await get(
      `/resellers/${otherReseller.resellerId}/public-customers?vendorId=vendor-1`,
      otherReseller.session,
    ).expect(200);
    expect(otherVendor.body).toEqual({ items: [], nextCursor: null });
    // Its own public customers are in its own book, not here.
    expect((await get(book('/public-customers'), reseller).expect(200)).body.items).toEqual([]);
    // Public or not, the customer itself stays another reseller's.
    await get(book('/customers/initech').replace(seed.resellerId, otherReseller.resellerId), otherReseller.session).expect(404);
  });

  it("answers another reseller's, another customer's and an anonymous caller's reads as not found or not signed in", async () => {
    const foreign = await get(book('/customers'), otherReseller.session).expect(404);
    expect(foreign.body).toMatchObject({ code: 'reseller-not-found' });
    await get(book('/public-customers'), otherReseller.session).expect(404);
    await get(book('/subscriptions')).expect(401);
    const stranger = await signInCustomer(t, 'bill@initech.example');
    await get(`/organizations/${seed.organizationId}`, stranger).expect(404);
    // An offer of ownership is not ownership yet (rule 2).
    await get('/organizations/initech', stranger).expect(404);
    expect((await get('/me/organizations', stranger).expect(200)).body.items).toEqual([]);
    // A reseller reads its customers through its own book, not the customer's view.
    await get(`/organizations/${seed.organizationId}`, reseller).expect(403);
  });

  it('shows the customer its organization read-only, bought through the reseller, with its licenses to download and no prices', async () => {
    const view = await get(`/organizations/${seed.organizationId}`, customer).expect(200);
    expect(view.body.boughtThrough).toMatchObject({ resellerId: seed.resellerId, companyName: 'Acme Resale' });
    expect(view.body.subscriptions).toEqual([
      expect.objectContaining({ subscriptionId: seed.subscriptionId, seats: 15, status: 'active' }),
    ]);
    expect(view.body.licenses).toEqual([
      expect.objectContaining({ licenseId: seed.licenseId, available: true, fileUrl: `/licenses/${seed.licenseId}/file` }),
    ]);
    expect(JSON.stringify(view.body)).not.toMatch(/unitPrice|annualTotal|invoice|"total"|96\.00/i);
    const mine = await get('/me/organizations', customer).expect(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        organizationId: seed.organizationId,
        role: 'owner',
        organization: expect.objectContaining({ name: 'Globex' }),
      }),
    ]);
    expect(mine.body.items[0].organization.licenses[0].fileUrl).toBe(`/licenses/${seed.licenseId}/file`);
    await get(`/organizations/${seed.organizationId}`, support).expect(200);
  });

  it("answers support's questions: the subscription's history, within dates, and who the invoice owner was on a date", async () => {
    const types = async (query = '') =>
      (await get(`/audit/subscriptions/${seed.subscriptionId}/events${query}`, support).expect(200)).body.items.map(
        (e: { type: string }) => e.type,
      );
    expect(await types()).toEqual(['SubscriptionPurchased', 'InvoiceIssued', 'SeatsPurchased', 'InvoiceIssued', 'SeatAssigned']);
    expect(await types('?to=2026-01-31')).toEqual(['SubscriptionPurchased', 'InvoiceIssued']);
    expect(await types('?from=2026-06-15&to=2026-06-15')).toEqual(['SeatsPurchased', 'InvoiceIssued', 'SeatAssigned']);
    expect(await types('?from=2026-06-01&order=desc')).toEqual(['SeatAssigned', 'InvoiceIssued', 'SeatsPurchased']);
    expect(await types('?from=2026-07-01')).toEqual([]);
    const orgTrail = await get(`/audit/organizations/${seed.organizationId}/events?to=2026-01-31`, auditor).expect(200);
    expect(orgTrail.body.items.map((e: { type: string }) => e.type)).toContain('CustomerOrganizationCreated');
    expect(orgTrail.body.items.every((e: { occurredAt: string }) => e.occurredAt < '2026-02-01')).toBe(true);

    const owner = await get(`/audit/subscriptions/${seed.subscriptionId}/invoice-owner?at=2026-07-01`, auditor).expect(200);
    expect(owner.body).toMatchObject({
      at: '2026-07-01T00:00:00.000Z',
      invoiceOwner: { owner: { kind: 'reseller', id: seed.resellerId }, channel: 'reseller' },
    });
    const before = await get(`/audit/subscriptions/${seed.subscriptionId}/invoice-owner?at=2025-12-31`, auditor).expect(200);
    expect(before.body.invoiceOwner).toBeNull();
    const history = await get(`/audit/subscriptions/${seed.subscriptionId}/invoice-owners`, auditor).expect(200);
    expect(history.body.intervals).toHaveLength(1);
    const bad = await get(`/audit/subscriptions/${seed.subscriptionId}/invoice-owner?at=yesterday`, auditor).expect(400);
    expect(bad.body.errors[0].field).toBe('at');
    const badRange = await get(`/audit/subscriptions/${seed.subscriptionId}/events?from=soon`, auditor).expect(400);
    expect(badRange.body.errors[0].field).toBe('from');
    await get(`/audit/subscriptions/${seed.subscriptionId}/events`, reseller).expect(403);
  });

  it("serves the vendor's sales dashboard to its own admin only", async () => {
    const admin = await signIn(t, SEED_VENDOR_ADMIN, { role: 'vendor-admin', tenantId: seed.vendorId });
    const sales = await get(`/reports/vendors/${seed.vendorId}/monthly-sales?toMonth=2026-06`, admin).expect(200);
    expect(sales.body.months.map((m: { month: string; seatsSold: number }) => [m.month, m.seatsSold])).toEqual([
      ['2026-01', 10],
      ['2026-06', 5],
    ]);
    const utilization = await get(`/reports/vendors/${seed.vendorId}/issuance-utilization`, admin).expect(200);
    expect(utilization.body.total).toMatchObject({ rights: 2, used: 1 });
    const active = await get(`/reports/vendors/${seed.vendorId}/active-subscriptions`, support).expect(200);
    expect(active.body.total).toBe(1);
    await get(`/reports/vendors/${seed.vendorId}/renewals-due?withinDays=45`, support).expect(400);
    await get(`/reports/vendors/${seed.vendorId}/monthly-sales`, await signInVendorAdmin(t, 'vendor-1')).expect(404);
  });

  it('validates list queries', async () => {
    const res = await get(book('/subscriptions?status=paused&limit=0'), reseller).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['limit', 'status']);
    const unknown = await get(book('/customers?sort=name'), reseller).expect(400);
    expect(unknown.body.code).toBe('invalid-input');
  });

  it('reports projection status to support', async () => {
    const status = await get('/projections', support).expect(200);
    const states = status.body.projections.map((p: { name: string; state: string; lag: string }) => [p.name, p.state, p.lag]);
    expect(states).toEqual(expect.arrayContaining(readModelProjections.map((p) => [p.name, 'live', '0'])));
    await get('/projections', reseller).expect(403);
  });
});
