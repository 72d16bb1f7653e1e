import request from 'supertest';
import { resellerStream } from '@channel-ledger/domain';
import { registerVerifiedReseller, signInStaff } from '../../test/actors';
import { TestSession } from '../../test/sign-in';
import { startTestApp, TestApp } from '../../test/test-app';
import { customerOrganization, eventsOf, publishCatalog, PRO } from '../subscriptions/subscriptions.fixtures';

describe("a reseller's payment methods: add, choose the default, remove (rule 6)", () => {
  let t: TestApp;
  let acme: { resellerId: string; session: TestSession };
  let initech: { resellerId: string; session: TestSession };

  const methods = (path = '') => `/resellers/${acme.resellerId}${path}`;
  const add = (body: object, session = acme.session) => request(t.http).post(methods('/payment-methods')).set(session.auth).send(body);
  const profile = async () => (await request(t.http).get(methods()).set(acme.session.auth).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp();
    await publishCatalog(t);
    acme = await registerVerifiedReseller(t, { companyName: 'Acme Resale', email: 'sales@acme.example' });
    initech = await registerVerifiedReseller(t, { companyName: 'Initech Partners', email: 'buy@initech.example' });
  });
  afterAll(() => t.close());

  it('adds methods (the first becomes the default), switches the default, removes one that is not', async () => {
    const card = await add({ kind: 'card', label: 'Visa •••• 4242' }).expect(201);
    expect(card.body).toEqual({
      resellerId: acme.resellerId,
      paymentMethodId: expect.any(String),
      commandId: expect.any(String),
      revision: '3',
    });
    expect(card.headers.location).toBe(methods());
    const ach = await add({ kind: 'ach', label: 'ACH checking' }).expect(201);
    expect((await profile()).defaultPaymentMethodId).toBe(card.body.paymentMethodId);

    const switched = await request(t.http)
      .put(methods('/default-payment-method'))
      .set(acme.session.auth)
      .send({ paymentMethodId: ach.body.paymentMethodId })
      .expect(200);
    expect(switched.body).toMatchObject({ paymentMethodId: ach.body.paymentMethodId, revision: '5' });
    // Already the default: answered, nothing recorded.
    const same = await request(t.http)
      .put(methods('/default-payment-method'))
      .set(acme.session.auth)
      .send({ paymentMethodId: ach.body.paymentMethodId })
      .expect(200);
    expect(same.body.revision).toBeNull();

    const removed = await request(t.http)
      .delete(methods(`/payment-methods/${card.body.paymentMethodId}`))
      .set(acme.session.auth)
      .expect(200);
    expect(removed.body).toMatchObject({ paymentMethodId: card.body.paymentMethodId, revision: '6' });
    const after = await profile();
    expect(after.paymentMethods).toEqual([{ paymentMethodId: ach.body.paymentMethodId, kind: 'ach', label: 'ACH checking' }]);
    expect(after.defaultPaymentMethodId).toBe(ach.body.paymentMethodId);

    const [event] = (await eventsOf(t, resellerStream(acme.resellerId))).slice(-1);
    expect(event).toMatchObject({ type: 'PaymentMethodRemoved', data: { paymentMethodId: card.body.paymentMethodId, wasDefault: false } });
  });

  it('keeps the default while other methods exist, and never charges a removed method', async () => {
    const paypal = await add({ kind: 'paypal', label: 'PayPal sales@acme' }).expect(201);
    const { defaultPaymentMethodId } = await profile();
    const refused = await request(t.http)
      .delete(methods(`/payment-methods/${defaultPaymentMethodId}`))
      .set(acme.session.auth)
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'default-payment-method-in-use', detail: expect.stringContaining('ACH checking') });

    await request(t.http)
      .delete(methods(`/payment-methods/${paypal.body.paymentMethodId}`))
      .set(acme.session.auth)
      .expect(200);
    const again = await request(t.http)
      .delete(methods(`/payment-methods/${paypal.body.paymentMethodId}`))
      .set(acme.session.auth)
      .expect(404);
    expect(again.body.code).toBe('payment-method-not-found');

    const globexId = await customerOrganization(t, acme.resellerId, { name: 'Globex', contact: 'it@globex.example' });
    const withRemoved = await request(t.http)
      .post('/subscriptions')
      .set(acme.session.auth)
      .send({
        organizationId: globexId,
        planId: PRO,
        billingPeriod: 'annual',
        seats: 1,
        customerContactEmail: 'it@globex.example',
        paymentMethodId: paypal.body.paymentMethodId,
      })
      .expect(404);
    expect(withRemoved.body.code).toBe('payment-method-not-found');

    // Bought with ACH; ACH is then removed: added seats are charged to the new default, not to ACH.
    const bought = await request(t.http)
      .post('/subscriptions')
      .set(acme.session.auth)
      .send({ organizationId: globexId, planId: PRO, billingPeriod: 'annual', seats: 1, customerContactEmail: 'it@globex.example' })
      .expect(201);
    const card = await add({ kind: 'card', label: 'Mastercard •••• 5555', makeDefault: true }).expect(201);
    await request(t.http)
      .delete(methods(`/payment-methods/${defaultPaymentMethodId}`))
      .set(acme.session.auth)
      .expect(200);
    await request(t.http).post(`/subscriptions/${bought.body.subscriptionId}/seats`).set(acme.session.auth).send({ seats: 1 }).expect(200);
    const invoice = (await eventsOf(t, `subscription-${bought.body.subscriptionId}`)).at(-1)!;
    expect(invoice.data).toMatchObject({ reason: 'added-seats', payment: { methodId: card.body.paymentMethodId, kind: 'card' } });
  });

  it("another reseller's payment methods do not exist for it; staff do not manage them", async () => {
    const { defaultPaymentMethodId } = await profile();
    const attempts = [
      () => add({ kind: 'card', label: 'Mine now' }, initech.session),
      () =>
        request(t.http).put(methods('/default-payment-method')).set(initech.session.auth).send({ paymentMethodId: defaultPaymentMethodId }),
      () =>
        request(t.http)
          .delete(methods(`/payment-methods/${defaultPaymentMethodId}`))
          .set(initech.session.auth),
    ];
    for (const attempt of attempts) {
      const answer = await attempt().expect(404);
      expect(answer.body.code).toBe('reseller-not-found');
    }
    const support = await signInStaff(t, 'support');
    await request(t.http)
      .delete(methods(`/payment-methods/${defaultPaymentMethodId}`))
      .set(support.auth)
      .expect(403);
    await request(t.http)
      .put(methods('/default-payment-method'))
      .set(acme.session.auth)
      .send({ paymentMethodId: 'not-a-uuid' })
      .expect(400);
  });

  it('a reseller with no payment method left is asked to add one before buying', async () => {
    const hooli = await registerVerifiedReseller(t, { companyName: 'Hooli Resale', email: 'sales@hooli.example' });
    const hooliOrg = await customerOrganization(t, hooli.resellerId, { name: 'Pied Piper', contact: 'it@piedpiper.example' });
    const card = await request(t.http)
      .post(`/resellers/${hooli.resellerId}/payment-methods`)
      .set(hooli.session.auth)
      .send({ kind: 'card', label: 'Amex' })
      .expect(201);
    await request(t.http)
      .delete(`/resellers/${hooli.resellerId}/payment-methods/${card.body.paymentMethodId}`)
      .set(hooli.session.auth)
      .expect(200);
    const refused = await request(t.http)
      .post('/subscriptions')
      .set(hooli.session.auth)
      .send({ organizationId: hooliOrg, planId: PRO, billingPeriod: 'annual', seats: 1, customerContactEmail: 'it@piedpiper.example' })
      .expect(422);
    expect(refused.body.code).toBe('payment-method-required');
  });
});
