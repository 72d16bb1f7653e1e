import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { subscriptionStream } from '@channel-ledger/domain';
import { signInStaff } from '../../test/actors';
import { signIn } from '../../test/sign-in';
import { startTestApp, TestApp } from '../../test/test-app';
import { customerOrganization, eventsOf, publishCatalog, PRO, resellerWithCard, TestReseller } from './subscriptions.fixtures';

describe('who may touch a subscription: rule 1 first, other tenants see nothing, roles', () => {
  let t: TestApp;
  let acme: TestReseller;
  let initech: TestReseller;
  let globexId: string;
  let subscriptionId: string;

  const purchaseBody = () => ({
    organizationId: globexId,
    planId: PRO,
    billingPeriod: 'annual',
    seats: 5,
    customerContactEmail: 'it@globex.example',
  });

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.setTo(new Date('2026-03-02T10:00:00.000Z'));
    await publishCatalog(t);
    acme = await resellerWithCard(t, 'Acme Resale', 'sales@acme.example');
    initech = await resellerWithCard(t, 'Initech Partners', 'buy@initech.example');
    globexId = await customerOrganization(t, acme.resellerId, { name: 'Globex', contact: 'it@globex.example' });
    const bought = await request(t.http).post('/subscriptions').set(acme.session.auth).send(purchaseBody()).expect(201);
    subscriptionId = bought.body.subscriptionId;
  });
  afterAll(() => t.close());

  it('rule 1: an unverified reseller is refused for rule 1, before anything about payment or the organization', async () => {
    const registered = await request(t.http)
      .post('/resellers')
      .send({ companyName: 'Hooli Resale', email: 'sales@hooli.example', partnerKind: 'reseller' })
      .expect(201);
    const hooli = await signIn(t, 'sales@hooli.example', { role: 'reseller', tenantId: registered.body.resellerId });
    // It has no payment method (it could not add one) and names an organization it does not manage.
    for (const body of [purchaseBody(), { ...purchaseBody(), paymentMethodId: randomUUID() }]) {
      const refused = await request(t.http).post('/subscriptions').set(hooli.auth).send(body).expect(422);
      expect(refused.body).toMatchObject({ code: 'reseller-email-not-verified', detail: expect.stringContaining('sales@hooli.example') });
    }
  });

  it("another reseller's subscription is answered exactly like one that does not exist (404)", async () => {
    const missing = randomUUID();
    const attempts: [string, string, object?][] = [
      ['post', 'seats', { seats: 1 }],
      ['post', 'seat-assignments', { email: 'x@globex.example' }],
      ['delete', 'seat-assignments/x%40globex.example'],
      ['post', 'plan-change', { planId: PRO }],
      ['post', 'upgrade-quotes', { seats: 1 }],
      ['get', 'renewal-quote'],
      ['post', 'renewal', {}],
      ['post', 'cancellation', {}],
    ];
    for (const [method, path, body] of attempts) {
      const call = (id: string) => {
        const r = request(t.http)[method as 'post'](`/subscriptions/${id}/${path}`).set(initech.session.auth);
        return body ? r.send(body) : r;
      };
      const theirs = await call(subscriptionId);
      const none = await call(missing);
      expect([path, theirs.status]).toEqual([path, 404]);
      expect({ code: theirs.body.code, detail: theirs.body.detail }).toEqual({ code: none.body.code, detail: none.body.detail });
      expect(theirs.body.code).toBe('subscription-not-found');
    }
    // Nor can it buy for Acme's customer.
    const purchase = await request(t.http).post('/subscriptions').set(initech.session.auth).send(purchaseBody()).expect(404);
    expect(purchase.body.code).toBe('organization-not-found');
    expect(await eventsOf(t, subscriptionStream(subscriptionId))).toHaveLength(2);
  });

  it('refuses to charge a payment method the reseller does not have', async () => {
    const theirCard = await request(t.http)
      .post('/subscriptions')
      .set(acme.session.auth)
      .send({ ...purchaseBody(), paymentMethodId: initech.cardId })
      .expect(404);
    expect(theirCard.body.code).toBe('payment-method-not-found');
  });

  it('roles: auditors write nothing, support only its own decisions (and reads quotes), anonymous callers are unauthenticated', async () => {
    const auditor = await signInStaff(t, 'auditor');
    await request(t.http).post('/subscriptions').set(auditor.auth).send(purchaseBody()).expect(403);
    await request(t.http).post(`/subscriptions/${subscriptionId}/seats`).set(auditor.auth).send({ seats: 1 }).expect(403);
    const support = await signInStaff(t, 'support');
    await request(t.http).post(`/subscriptions/${subscriptionId}/seats`).set(support.auth).send({ seats: 1 }).expect(403);
    // Support reads prices to help, and quotes like the reseller would.
    const quote = await request(t.http).get(`/subscriptions/${subscriptionId}/renewal-quote`).set(support.auth).expect(200);
    expect(quote.body).toMatchObject({ seats: 5, annualTotal: '480.00' });
    await request(t.http).post(`/subscriptions/${subscriptionId}/invoice-owner`).set(acme.session.auth).send({}).expect(403);
    await request(t.http).post(`/subscriptions/${subscriptionId}/seats`).send({ seats: 1 }).expect(401);
  });
});
