import request from 'supertest';
import { registerVerifiedReseller, signInStaff, signInVendorAdmin } from '../../test/actors';
import { TestSession } from '../../test/sign-in';
import { startTestApp, TestApp } from '../../test/test-app';

describe("catalog: a vendor admin publishes and prices plans in its own vendor's catalog only", () => {
  let t: TestApp;
  let vendor1: TestSession;
  let vendor2: TestSession;
  let reseller: TestSession;
  const pro = { planId: 'gitlens-pro', product: 'GitLens', tier: 'pro', currency: 'USD', prices: { monthly: '10.00', annual: '96.00' } };

  beforeAll(async () => {
    t = await startTestApp();
    vendor1 = await signInVendorAdmin(t, 'vendor-1');
    vendor2 = await signInVendorAdmin(t, 'vendor-2');
    reseller = (await registerVerifiedReseller(t, { companyName: 'Acme Resale', email: 'sales@acme.test' })).session;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('publishes a plan with its per-seat prices', async () => {
    const response = await request(t.http).post('/vendors/vendor-1/plans').set(vendor1.auth).send(pro).expect(201);
    expect(response.headers.location).toBe('/vendors/vendor-1/plans/gitlens-pro');
    expect(response.body).toEqual({ vendorId: 'vendor-1', planId: 'gitlens-pro', commandId: expect.any(String), revision: '0' });
    const again = await request(t.http).post('/vendors/vendor-1/plans').set(vendor1.auth).send(pro).expect(422);
    expect(again.body.code).toBe('plan-already-published');
  });

  it("bug fixed: another vendor's admin cannot publish, reprice or retire in this catalog (404)", async () => {
    const refused = await request(t.http)
      .post('/vendors/vendor-1/plans')
      .set(vendor2.auth)
      .send({ ...pro, planId: 'cheap' })
      .expect(404);
    expect(refused.body.code).toBe('vendor-not-found');
    await request(t.http)
      .put('/vendors/vendor-1/plans/gitlens-pro/prices')
      .set(vendor2.auth)
      .send({ billingPeriod: 'annual', price: '1.00' })
      .expect(404);
    await request(t.http).post('/vendors/vendor-1/plans/gitlens-pro/retirement').set(vendor2.auth).expect(404);
    await request(t.http).post('/vendors/vendor-1/plans').set(reseller.auth).send(pro).expect(403);
    const plans = await request(t.http).get('/vendors/vendor-1/plans').set(vendor1.auth).expect(200);
    expect(plans.body.plans.map((p: { planId: string }) => p.planId)).toEqual(['gitlens-pro']);
  });

  it('changes a price; existing purchases keep theirs (recorded with the previous price)', async () => {
    const response = await request(t.http)
      .put('/vendors/vendor-1/plans/gitlens-pro/prices')
      .set(vendor1.auth)
      .send({ billingPeriod: 'annual', price: '108.00' })
      .expect(200);
    expect(response.body).toMatchObject({ planId: 'gitlens-pro', revision: '1' });
    const unchanged = await request(t.http)
      .put('/vendors/vendor-1/plans/gitlens-pro/prices')
      .set(vendor1.auth)
      .send({ billingPeriod: 'annual', price: '108.00' })
      .expect(422);
    expect(unchanged.body.code).toBe('price-unchanged');
    await request(t.http)
      .put('/vendors/vendor-1/plans/nope/prices')
      .set(vendor1.auth)
      .send({ billingPeriod: 'annual', price: '1.00' })
      .expect(404);
  });

  it("resellers and auditors read a vendor's plans; operators do not; a vendor admin reads only its own", async () => {
    const plans = await request(t.http).get('/vendors/vendor-1/plans').set(reseller.auth).expect(200);
    expect(plans.body).toEqual({
      vendorId: 'vendor-1',
      plans: [expect.objectContaining({ planId: 'gitlens-pro', status: 'available', prices: { monthly: '10.00', annual: '108.00' } })],
    });
    await request(t.http).get('/vendors/vendor-1/plans/gitlens-pro').set(reseller.auth).expect(200);
    await request(t.http).get('/vendors/vendor-1/plans/nope').set(reseller.auth).expect(404);
    await request(t.http)
      .get('/vendors/vendor-1/plans')
      .set((await signInStaff(t, 'auditor')).auth)
      .expect(200);
    await request(t.http)
      .get('/vendors/vendor-1/plans')
      .set((await signInStaff(t, 'operator')).auth)
      .expect(403);
    await request(t.http).get('/vendors/vendor-1/plans').set(vendor2.auth).expect(404);
    await request(t.http).get('/vendors/vendor-1/plans').expect(401);
    await request(t.http).get('/vendors/vendor-2/plans').set(vendor2.auth).expect(200, { vendorId: 'vendor-2', plans: [] });
  });

  it('retires a plan once', async () => {
    await request(t.http).post('/vendors/vendor-1/plans/gitlens-pro/retirement').set(vendor1.auth).expect(200);
    const twice = await request(t.http).post('/vendors/vendor-1/plans/gitlens-pro/retirement').set(vendor1.auth).expect(422);
    expect(twice.body.code).toBe('plan-already-retired');
    const plan = await request(t.http).get('/vendors/vendor-1/plans/gitlens-pro').set(reseller.auth).expect(200);
    expect(plan.body).toMatchObject({ status: 'retired', retiredAt: expect.any(String) });
  });

  it('a retried request (same Idempotency-Key) publishes once and answers the same', async () => {
    const send = () =>
      request(t.http)
        .post('/vendors/vendor-1/plans')
        .set(vendor1.auth)
        .set('Idempotency-Key', 'teams-1')
        .send({ ...pro, planId: 'gitlens-teams', tier: 'teams' });
    const first = await send().expect(201);
    const second = await send().expect(201);
    expect(second.body).toEqual(first.body);
  });

  it('refuses invalid plans with every wrong field', async () => {
    const bad = await request(t.http)
      .post('/vendors/vendor-1/plans')
      .set(vendor1.auth)
      .send({ planId: 'Bad Id', product: '', tier: 'gold', currency: 'usd', prices: { annual: 'lots' }, color: 'red' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'color',
      'currency',
      'planId',
      'prices.annual',
      'product',
      'tier',
    ]);
  });
});
