import request from 'supertest';
import { registerVerifiedReseller, signInCustomer } from '../../test/actors';
import { TestSession } from '../../test/sign-in';
import { startTestApp, TestApp } from '../../test/test-app';
import { createOrganization, offerOwnership, organizationEvents } from './organizations.test-helpers';

jest.setTimeout(30_000);

type Call = { method: 'post' | 'put' | 'patch'; path: (organizationId: string) => string; body?: object };

/** Every organization route a reseller may call, with a body that would be valid for its own customer. */
const RESELLER_ROUTES: Call[] = [
  { method: 'put', path: (id) => `/organizations/${id}/company-details`, body: { name: 'Taken Over', companyDetails: {} } },
  { method: 'patch', path: (id) => `/organizations/${id}/settings`, body: { isPublic: true } },
  { method: 'post', path: (id) => `/organizations/${id}/ownership-transfers`, body: { toEmail: 'mallory@evil.test' } },
  { method: 'post', path: (id) => `/organizations/${id}/ownership-transfers/TRANSFER/cancellation` },
  { method: 'post', path: (id) => `/organizations/${id}/administrator-invitations`, body: { email: 'mallory@evil.test' } },
  { method: 'put', path: (id) => `/organizations/${id}/contacts/billing`, body: { email: 'mallory@evil.test' } },
  {
    method: 'post',
    path: (id) => `/organizations/${id}/contact-change-requests`,
    body: { role: 'billing', contact: { email: 'mallory@evil.test' }, invoice: { subscriptionId: 's', invoiceId: 'i' } },
  },
];

/**
 * Another reseller's customer is answered exactly like one that does not exist (404), on every
 * route, and nothing is recorded; the same for a customer that neither owns nor administers it.
 */
describe('organizations over HTTP: tenancy', () => {
  let t: TestApp;
  let reseller: TestSession;
  let rival: TestSession;
  let organizationId: string;
  let transferId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ session: reseller } = await registerVerifiedReseller(t, { companyName: 'Acme Resale', email: 'sales@acme-resale.test' }));
    ({ session: rival } = await registerVerifiedReseller(t, { companyName: 'Rival IT', email: 'desk@rival.test' }));
    organizationId = await createOrganization(t, reseller, { name: 'Globex', customerContactEmail: 'hank@globex.test' });
    transferId = await offerOwnership(t, reseller, organizationId, 'hank@globex.test');
  });
  afterAll(() => t.close());

  const call = (session: TestSession, { method, path, body }: Call, id: string) =>
    request(t.http)
      [method](path(id).replace('TRANSFER', transferId))
      .set(session.auth)
      .send(body ?? {});

  it.each(
    RESELLER_ROUTES.map(
      (route) => [`${route.method.toUpperCase()} ${route.path(':id').replace('TRANSFER', ':transferId')}`, route] as const,
    ),
  )('another reseller gets 404 on %s, exactly as for a missing organization', async (_, route) => {
    const theirs = await call(rival, route, organizationId).expect(404);
    const missing = await call(rival, route, 'no-such-organization').expect(404);
    expect(theirs.body.code).toBe('organization-not-found');
    expect({ ...theirs.body, instance: null }).toEqual({ ...missing.body, instance: null });
  });

  it('a customer that neither owns nor administers the organization gets 404 too', async () => {
    const stranger = await signInCustomer(t, 'hank@globex.test'); // offered, not accepted: not yet in
    for (const route of RESELLER_ROUTES.filter((r) => r.path('x').match(/company-details|settings|invitations|contacts\//))) {
      const response = await call(stranger, route, organizationId).expect(404);
      expect(response.body.code).toBe('organization-not-found');
    }
  });

  it('customer-only and support-only routes are closed to resellers by role (403), saying nothing about the organization', async () => {
    const acceptance = await request(t.http)
      .post(`/organizations/${organizationId}/ownership-transfers/${transferId}/acceptance`)
      .set(rival.auth)
      .expect(403);
    expect(acceptance.body.code).toBe('forbidden-for-role');
    await request(t.http).post(`/organizations/${organizationId}/administrator-invitations/x/acceptance`).set(rival.auth).expect(403);
    await request(t.http).post(`/organizations/${organizationId}/contact-change-requests/x/approval`).set(rival.auth).expect(403);
    await request(t.http)
      .post(`/organizations/${organizationId}/contact-change-requests/x/rejection`)
      .set(rival.auth)
      .send({ reason: 'no' })
      .expect(403);
    await request(t.http).get('/me/ownership-offers').set(rival.auth).expect(403);
    await request(t.http).post(`/organizations/${organizationId}/ownership-transfers`).send({ toEmail: 'a@b.test' }).expect(401);
  });

  it('nothing was recorded by any of the refused calls', async () => {
    expect((await organizationEvents(t, organizationId)).map((e) => e.type)).toEqual([
      'CustomerOrganizationCreated',
      'OwnershipTransferInitiated',
    ]);
  });
});
