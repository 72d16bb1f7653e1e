import request from 'supertest';
import { runSeedScenario, seed } from '@channel-ledger/application/testing/seed-scenario';
import { EventStore } from '@channel-ledger/event-store';
import { ProjectionRunner } from '@channel-ledger/projections';
import { listRoutes, Route } from '../../test/routes';
import { signIn, TestSession } from '../../test/sign-in';
import { startTestApp, TEST_STAFF, TestApp } from '../../test/test-app';
import { EVENT_STORE } from '../infrastructure/infrastructure.module';
import { PROJECTION_RUNNER } from '../infrastructure/read-store.provider';

/** The seed story told twice in one log: tenant A ("alpha") and tenant B ("bravo"), each with its own vendor. */
const tenant = (tag: string) => ({
  vendorId: `${seed.vendorId}-${tag}`,
  planId: `${seed.planId}-${tag}`,
  resellerId: `${seed.resellerId}-${tag}`,
  organizationId: `${seed.organizationId}-${tag}`,
  subscriptionId: `${seed.subscriptionId}-${tag}`,
  transferId: `${seed.transferId}-${tag}`,
  rightId: `${seed.rightId}-${tag}`,
  licenseId: `${seed.licenseId}-${tag}`,
  invoiceId: `inv-1${tag}`,
  paymentMethodId: `card-1${tag}`,
  resellerEmail: `sales-${tag}@acme.example`,
  customerEmail: `it-${tag}@globex.example`,
  vendorAdminEmail: `admin@${tag}-vendor.test`,
});
const A = tenant('alpha');
const B = tenant('bravo');

/** Path parameters, filled with tenant A's resources. */
function fillWithA(path: string): string {
  const values: Record<string, string> = {
    resellerId: A.resellerId,
    organizationId: A.organizationId,
    subscriptionId: A.subscriptionId,
    licenseId: A.licenseId,
    rightId: A.rightId,
    vendorId: A.vendorId,
    planId: A.planId,
    transferId: A.transferId,
    invoiceId: A.invoiceId,
    paymentMethodId: A.paymentMethodId,
    email: A.customerEmail,
  };
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(values[name] ?? `${A.organizationId}-${name}`));
}

/**
 * Everything of A's that must never appear in an answer to someone else (unless it was in the
 * request itself). A vendor's catalog (vendor and plan ids) is not a tenant's secret: every
 * reseller reads the plans it may sell.
 */
const A_MARKERS = Object.entries(A)
  .filter(([name]) => name !== 'vendorId' && name !== 'planId')
  .map(([, value]) => value);

const isWrite = (method: string) => method !== 'GET' && method !== 'HEAD';

describe('tenancy: every route, every role, against another tenant', () => {
  let t: TestApp;
  let routes: Route[];
  const callers: Record<string, TestSession> = {};

  beforeAll(async () => {
    const staff = [
      `support:${TEST_STAFF.support}`,
      `auditor:${TEST_STAFF.auditor}`,
      `operator:${TEST_STAFF.operator}`,
      `vendor-admin:${A.vendorId}:${A.vendorAdminEmail}`,
      `vendor-admin:${B.vendorId}:${B.vendorAdminEmail}`,
    ].join(',');
    t = await startTestApp({ env: { CHANNEL_LEDGER_STAFF: staff } });
    // Just after the seed story (first half of 2026), whenever the test runs: on the real clock the
    // time-driven processes would start renewing and expiring A's streams during the sweep.
    t.clock.setTo(new Date('2026-07-01T00:00:00.000Z'));
    const store = t.app.get<EventStore>(EVENT_STORE);
    await runSeedScenario(store, 'alpha');
    await runSeedScenario(store, 'bravo');
    await t.app.get<ProjectionRunner>(PROJECTION_RUNNER).waitUntilCaughtUp(await store.headPosition());
    routes = listRoutes(t.app);

    callers['reseller B'] = await signIn(t, B.resellerEmail, { role: 'reseller' });
    callers['customer of B'] = await signIn(t, B.customerEmail, { role: 'customer' });
    callers['vendor admin of B'] = await signIn(t, B.vendorAdminEmail, { role: 'vendor-admin' });
    const key = await request(t.http).post('/api-keys').set(callers['reseller B'].auth).send({ name: 'tenancy sweep' }).expect(201);
    callers['API key of reseller B'] = { ...callers['reseller B'], auth: { Authorization: `ApiKey ${key.body.apiKey}` } };
  });
  afterAll(() => t.close());

  it('has an explicit access rule on every route', () => {
    const undeclared = routes.filter((r) => r.access === undefined);
    expect(undeclared.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(routes.length).toBeGreaterThan(20);
  });

  it("shows no other tenant's data to any role, and lands no write on another tenant's streams", async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const streamsOfA = [
      `reseller-${A.resellerId}`,
      `organization-${A.organizationId}`,
      `subscription-${A.subscriptionId}`,
      `license-${A.licenseId}`,
      `issuance-right-${A.rightId}`,
      `catalog-${A.vendorId}`,
    ];
    const revisions = async () => Promise.all(streamsOfA.map(async (s) => (await store.readStream(s)).length));
    const before = await revisions();

    const leaks: string[] = [];
    for (const route of routes) {
      const url = fillWithA(route.path);
      for (const [who, session] of Object.entries(callers)) {
        const call = request(t.http)[route.method.toLowerCase() as 'get'](url).set(session.auth);
        const response = await (isWrite(route.method) ? call.send({}) : call);
        const body = JSON.stringify(response.body ?? '') + (response.text ?? '');
        const leaked = A_MARKERS.filter((marker) => !decodeURIComponent(url).includes(marker) && body.includes(marker));
        if (leaked.length > 0) leaks.push(`${who}: ${route.method} ${url} → ${response.status} shows ${leaked.join(', ')}`);
        if (response.status >= 500) leaks.push(`${who}: ${route.method} ${url} → ${response.status}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(await revisions()).toEqual(before);
  });

  it('answers 401 to a forged, tampered or revoked credential on every route that needs one', async () => {
    const session = await signIn(t, B.resellerEmail, { role: 'reseller' });
    const [header, payload, signature] = session.accessToken.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'support' })).toString('base64url')}.${signature}`;
    const revoked = await signIn(t, B.resellerEmail, { role: 'reseller' });
    await request(t.http).delete('/auth/session').set(revoked.auth).expect(204);
    const credentials = {
      tampered: { Authorization: `Bearer ${tampered}` },
      forged: { Authorization: `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.` },
      revoked: revoked.auth,
      'unknown API key': { Authorization: `ApiKey clk_00000000-0000-4000-8000-000000000000_${'x'.repeat(43)}` },
    };
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.access?.kind === 'roles')) {
      for (const [what, auth] of Object.entries(credentials)) {
        const response = await request(t.http)[route.method.toLowerCase() as 'get'](fillWithA(route.path)).set(auth);
        if (response.status !== 401) wrong.push(`${what}: ${route.method} ${route.path} → ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
