import request from 'supertest';
import { LedgerContext } from '@channel-ledger/application';
import { subscriptionStream } from '@channel-ledger/domain';
import { signInCustomer, signInStaff } from '../../test/actors';
import { TestSession } from '../../test/sign-in';
import { startTestApp, TestApp } from '../../test/test-app';
import {
  customerAccepts,
  customerOrganization,
  ENTERPRISE,
  eventsOf,
  publishCatalog,
  PRO,
  resellerWithCard,
  TEAMS,
  TestReseller,
} from './subscriptions.fixtures';

const CONTACT = 'it@globex.example';

/**
 * Seed 004 (a customers portal): a customer that bought through a reseller is read-only, invoices
 * come from the reseller; buying from the vendor afterwards is a new purchase (rule 11).
 */
describe('the customer of a reseller purchase (rules 7, 8, 11)', () => {
  let t: TestApp;
  let acme: TestReseller;
  let globexId: string;
  let resellerSubscriptionId: string;
  let customer: TestSession;
  let directSubscriptionId: string;

  const directPurchase = (previousId: string, body: object = {}) =>
    request(t.http)
      .post(`/subscriptions/${previousId}/direct-purchase`)
      .set(customer.auth)
      .send({
        planId: TEAMS,
        billingPeriod: 'annual',
        seats: 3,
        billingContactEmail: 'Billing@Globex.example',
        paymentMethodId: 'pm_globex_visa',
        paymentMethodKind: 'card',
        ...body,
      });
  const askForInvoices = (subscriptionId: string, session = customer) =>
    request(t.http).post(`/subscriptions/${subscriptionId}/invoice-requests`).set(session.auth).send();

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.setTo(new Date('2026-03-02T10:00:00.000Z'));
    await publishCatalog(t);
    acme = await resellerWithCard(t, 'Acme Resale', 'sales@acme.example');
    globexId = await customerOrganization(t, acme.resellerId, { name: 'Globex', contact: CONTACT });
    const bought = await request(t.http)
      .post('/subscriptions')
      .set(acme.session.auth)
      .send({ organizationId: globexId, planId: PRO, billingPeriod: 'annual', seats: 10, customerContactEmail: CONTACT })
      .expect(201);
    resellerSubscriptionId = bought.body.subscriptionId;
    await customerAccepts(t, globexId, bought.body.transferId, CONTACT);
    customer = await signInCustomer(t, CONTACT);
  });
  afterAll(() => t.close());

  it("refuses the customer's invoice request with the name of the reseller that receives the invoices", async () => {
    const refused = await askForInvoices(resellerSubscriptionId).expect(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.code).toBe('invoices-issued-by-reseller');
    expect(refused.body.detail).toMatch(/bought through Acme Resale.*Ask Acme Resale \(sales@acme\.example\)/);
  });

  it('is read-only for everything a reseller does, and someone outside the organization sees nothing', async () => {
    // Rule 8: refused with the reseller named, so the customer knows whom to ask.
    for (const [path, body] of [
      ['seats', { seats: 1 }],
      ['renewal', {}],
      ['cancellation', {}],
      ['seat-assignments', { email: 'dev@globex.example' }],
    ] as const) {
      const refused = await request(t.http)
        .post(`/subscriptions/${resellerSubscriptionId}/${path}`)
        .set(customer.auth)
        .send(body)
        .expect(422);
      expect(refused.body.code).toBe('customer-is-read-only');
      expect(refused.body.detail).toContain('Acme Resale');
    }
    // No prices it did not pay: quotes are the reseller's.
    const quote = await request(t.http).get(`/subscriptions/${resellerSubscriptionId}/renewal-quote`).set(customer.auth).expect(422);
    expect(quote.body.code).toBe('customer-is-read-only');
    expect(JSON.stringify(quote.body)).not.toMatch(/96\.00|annualTotal/);

    const otherOrg = await customerOrganization(t, acme.resellerId, { name: 'Umbrella', contact: 'it@umbrella.example' });
    expect(otherOrg).toBeTruthy();
    const stranger = await signInCustomer(t, 'it@umbrella.example');
    const hidden = await askForInvoices(resellerSubscriptionId, stranger).expect(404);
    expect(hidden.body.code).toBe('subscription-not-found');
    await directPurchase(resellerSubscriptionId).set(stranger.auth).expect(404);
    // A stranger is not told who sold it: not found, as for a subscription that does not exist.
    await request(t.http).post(`/subscriptions/${resellerSubscriptionId}/seats`).set(stranger.auth).send({ seats: 1 }).expect(404);
  });

  it('rule 11: buying from the vendor after the reseller purchase is a new subscription, nothing carried over', async () => {
    t.clock.setTo(new Date('2027-02-20T09:00:00.000Z'));
    customer = await signInCustomer(t, CONTACT);
    const before = await eventsOf(t, subscriptionStream(resellerSubscriptionId));

    const bought = await directPurchase(resellerSubscriptionId).expect(201);
    const newId: string = bought.body.subscriptionId;
    directSubscriptionId = newId;
    expect(newId).not.toBe(resellerSubscriptionId);
    expect(bought.body).toMatchObject({ previousSubscriptionId: resellerSubscriptionId, revision: '1' });
    expect(bought.headers.location).toBe(`/subscriptions/${newId}`);

    const fresh = await t.app.get(LedgerContext).subscription(newId);
    if (fresh.status === 'none') throw new Error('no direct subscription');
    // 3 seats, not the reseller's 10; a term anchored today, not on the reseller's purchase day.
    expect(fresh).toMatchObject({
      origin: 'direct',
      resellerId: null,
      previousResellerSubscriptionId: resellerSubscriptionId,
      paymentMethod: { id: 'pm_globex_visa', kind: 'card' },
      ownership: [{ owner: { kind: 'organization', id: globexId, email: 'billing@globex.example' }, channel: 'direct' }],
    });
    expect(fresh.periods).toHaveLength(1);
    expect(fresh.periods[0]).toMatchObject({ index: 0, seats: 3, plan: { planId: TEAMS }, unitPrice: '144.00' });
    expect(fresh.billingAnchor.startsWith('2027-02-20T09:00')).toBe(true);
    expect(fresh.assignedSeats).toEqual([]);

    for (const event of await eventsOf(t, subscriptionStream(newId))) {
      expect(event.metadata).toMatchObject({
        actor: { kind: 'customer', id: CONTACT },
        onBehalfOf: { kind: 'organization', id: globexId },
      });
    }
    // The reseller subscription is neither renewed nor changed: it runs out on its own date.
    expect(await eventsOf(t, subscriptionStream(resellerSubscriptionId))).toHaveLength(before.length);

    // The organization owns the new subscription's invoices, so it gets them.
    const invoices = await askForInvoices(newId).expect(200);
    expect(invoices.body).toEqual({
      subscriptionId: newId,
      invoices: [expect.objectContaining({ reason: 'direct-purchase', currency: 'USD', total: '432.00' })],
    });
  });

  it('rule 6 holds for the customer too, and a direct subscription is renewed, not bought again', async () => {
    const onInvoice = await directPurchase(resellerSubscriptionId, { paymentMethodKind: 'invoice' }).expect(422);
    expect(onInvoice.body.code).toBe('invoicing-enterprise-only');
    await directPurchase(resellerSubscriptionId, { planId: ENTERPRISE, paymentMethodKind: 'invoice', seats: 1 }).expect(201);
    const bad = await directPurchase(resellerSubscriptionId, { paymentMethodKind: 'bitcoin', seats: 0, carryOver: true }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['carryOver', 'paymentMethodKind', 'seats']);
    const again = await directPurchase(directSubscriptionId).expect(422);
    expect(again.body.code).toBe('previous-subscription-not-through-reseller');
  });

  it('support changes the invoice owner with a reason; from then on the customer gets its own invoices', async () => {
    const support = await signInStaff(t, 'support');
    const effectiveAt = t.clock.now().toISOString();
    const unknown = await request(t.http)
      .post(`/subscriptions/${resellerSubscriptionId}/invoice-owner`)
      .set(support.auth)
      .send({ newOwner: { kind: 'reseller', resellerId: '00000000-0000-4000-8000-000000000000' }, effectiveAt, reason: 'ticket 4711' })
      .expect(404);
    expect(unknown.body.code).toBe('reseller-not-found');
    const mixed = await request(t.http)
      .post(`/subscriptions/${resellerSubscriptionId}/invoice-owner`)
      .set(support.auth)
      .send({ newOwner: { kind: 'reseller', billingContactEmail: 'billing@globex.example' }, effectiveAt: '2026-13-01', reason: '' })
      .expect(400);
    expect(mixed.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'effectiveAt',
      'newOwner.billingContactEmail',
      'newOwner.resellerId',
      'reason',
    ]);

    const changed = await request(t.http)
      .post(`/subscriptions/${resellerSubscriptionId}/invoice-owner`)
      .set(support.auth)
      .send({
        newOwner: { kind: 'organization', billingContactEmail: 'billing@globex.example' },
        effectiveAt,
        reason: 'Globex pays the vendor directly (ticket 4711)',
      })
      .expect(200);
    expect(changed.body).toMatchObject({ subscriptionId: resellerSubscriptionId, revision: expect.any(String) });
    const event = (await eventsOf(t, subscriptionStream(resellerSubscriptionId))).at(-1)!;
    expect(event.type).toBe('InvoiceOwnerChanged');
    expect(event.metadata).toMatchObject({ actor: { kind: 'support' }, onBehalfOf: { kind: 'organization', id: globexId } });
    expect(event.data).toMatchObject({
      to: { kind: 'organization', id: globexId },
      reason: 'Globex pays the vendor directly (ticket 4711)',
    });

    // Nothing was invoiced to the organization on that subscription yet; the reseller's invoices stay the reseller's.
    const invoices = await askForInvoices(resellerSubscriptionId).expect(200);
    expect(invoices.body.invoices).toEqual([]);
    const late = await request(t.http)
      .post(`/subscriptions/${resellerSubscriptionId}/invoice-owner`)
      .set(support.auth)
      .send({ newOwner: { kind: 'reseller', resellerId: acme.resellerId }, effectiveAt: '2029-01-01T00:00:00Z', reason: 'back to Acme' })
      .expect(422);
    expect(late.body.code).toBe('effective-after-paid-time');
  });
});
