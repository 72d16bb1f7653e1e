import request from 'supertest';
import { registerVerifiedReseller, signInStaff } from '../../test/actors';
import { TestSession } from '../../test/sign-in';
import { startTestApp, TestApp } from '../../test/test-app';
import { createOrganization, organizationEvents, purchaseFor, readModelsCaughtUp } from './organizations.test-helpers';

jest.setTimeout(30_000);

/**
 * Seed 001 (support handbook): a reseller asking to change an end user's contact must attach an
 * invoice of that subscription issued to it (rule 9); support approves or rejects, and finds
 * the customer by its contact's address or its company name.
 */
describe('organizations over HTTP: contact change requests (rule 9) and support', () => {
  let t: TestApp;
  let reseller: TestSession;
  let resellerId: string;
  let rival: TestSession;
  let organizationId: string;
  let ownInvoice: { subscriptionId: string; invoiceId: string };
  let rivalInvoice: { subscriptionId: string; invoiceId: string };
  let support: TestSession;

  const requestChange = (session: TestSession, body: object) =>
    request(t.http).post(`/organizations/${organizationId}/contact-change-requests`).set(session.auth).send(body);
  const newBilling = { role: 'billing', contact: { name: 'Carol Billing', email: 'carol@globex.test' } };

  beforeAll(async () => {
    t = await startTestApp();
    ({ resellerId, session: reseller } = await registerVerifiedReseller(t, {
      companyName: 'Acme Resale',
      email: 'sales@acme-resale.test',
    }));
    const other = await registerVerifiedReseller(t, { companyName: 'Rival IT', email: 'desk@rival.test' });
    rival = other.session;
    organizationId = await createOrganization(t, reseller, {
      name: 'Globex',
      companyDetails: { legalName: 'Globex Corporation' },
      customerContactEmail: 'hank@globex.test',
    });
    const rivalOrganization = await createOrganization(t, rival, { name: 'Initech', customerContactEmail: 'bill@initech.test' });
    ownInvoice = await purchaseFor(t, { resellerId, reseller, organizationId, customerContactEmail: 'hank@globex.test', planId: 'plan-a' });
    rivalInvoice = await purchaseFor(t, {
      resellerId: other.resellerId,
      reseller: rival,
      organizationId: rivalOrganization,
      customerContactEmail: 'bill@initech.test',
      planId: 'plan-b',
    });
    support = await signInStaff(t, 'support');
  });
  afterAll(() => t.close());

  it('refuses a request without an invoice, with an invoice not issued to the reseller, or as a direct change', async () => {
    const without = await requestChange(reseller, newBilling).expect(422);
    expect(without.body.code).toBe('contact-change-needs-invoice');
    expect(without.body.detail).toContain('invoice');
    const someoneElses = await requestChange(reseller, { ...newBilling, invoice: rivalInvoice }).expect(422);
    expect(someoneElses.body.code).toBe('contact-change-needs-invoice');
    const unknown = await requestChange(reseller, { ...newBilling, invoice: { ...ownInvoice, invoiceId: 'no-such-invoice' } }).expect(422);
    expect(unknown.body.code).toBe('contact-change-needs-invoice');
    const direct = await request(t.http)
      .put(`/organizations/${organizationId}/contacts/billing`)
      .set(reseller.auth)
      .send(newBilling.contact)
      .expect(422);
    expect(direct.body.code).toBe('contact-change-needs-invoice');
    expect((await organizationEvents(t, organizationId)).map((e) => e.type)).toEqual(['CustomerOrganizationCreated']);
  });

  it('with its own invoice the request is recorded; support approves it and the contact changes', async () => {
    const requested = await requestChange(reseller, { ...newBilling, invoice: ownInvoice }).expect(201);
    const { requestId } = requested.body;
    expect(requested.headers.location).toBe(`/organizations/${organizationId}/contact-change-requests/${requestId}`);

    // Only support decides; the reseller cannot approve its own request.
    await request(t.http)
      .post(`/organizations/${organizationId}/contact-change-requests/${requestId}/approval`)
      .set(reseller.auth)
      .expect(403);
    const approved = await request(t.http)
      .post(`/organizations/${organizationId}/contact-change-requests/${requestId}/approval`)
      .set(support.auth)
      .expect(200);
    expect(approved.body).toMatchObject({ organizationId, revision: '2' });

    const [, asked, changed] = await organizationEvents(t, organizationId);
    expect(asked).toMatchObject({
      type: 'ContactChangeRequested',
      data: { requestId, invoice: { invoiceId: ownInvoice.invoiceId, issuedToResellerId: resellerId } },
      metadata: { actor: { kind: 'reseller', id: resellerId }, onBehalfOf: { kind: 'organization', id: organizationId } },
    });
    expect(changed).toMatchObject({
      type: 'ContactChanged',
      data: { role: 'billing', contact: { name: 'Carol Billing', email: 'carol@globex.test' }, requestId },
      metadata: { actor: { kind: 'support', id: 'support@ledger.test' }, onBehalfOf: { kind: 'organization', id: organizationId } },
    });
  });

  it('support rejects a request with a reason; a decided request cannot be decided otherwise', async () => {
    const requested = await requestChange(reseller, {
      role: 'technical',
      contact: { email: 'ops@globex.test' },
      invoice: ownInvoice,
    }).expect(201);
    const base = `/organizations/${organizationId}/contact-change-requests/${requested.body.requestId}`;
    await request(t.http).post(`${base}/rejection`).set(support.auth).send({}).expect(400);
    await request(t.http).post(`${base}/rejection`).set(support.auth).send({ reason: 'The invoice predates the contract.' }).expect(200);
    const flip = await request(t.http).post(`${base}/approval`).set(support.auth).expect(422);
    expect(flip.body.code).toBe('contact-change-already-decided');
    await request(t.http)
      .post(`/organizations/${organizationId}/contact-change-requests/no-such-request/approval`)
      .set(support.auth)
      .expect(404);

    const rejected = (await organizationEvents(t, organizationId)).at(-1)!;
    expect(rejected).toMatchObject({
      type: 'ContactChangeRejected',
      data: { reason: 'The invoice predates the contract.', rejectedBy: { kind: 'support', id: 'support@ledger.test' } },
      metadata: { onBehalfOf: { kind: 'organization', id: organizationId } },
    });
  });

  it("support and auditors find the customer by a contact's address or the start of its name; others may not search", async () => {
    await readModelsCaughtUp(t);
    const byContact = await request(t.http)
      .get('/support/organizations')
      .query({ email: 'Carol@Globex.test' })
      .set(support.auth)
      .expect(200);
    expect(byContact.body.items.map((o: { organizationId: string }) => o.organizationId)).toEqual([organizationId]);
    expect(byContact.body.items[0]).toMatchObject({ name: 'Globex', managingReseller: { resellerId, companyName: 'Acme Resale' } });

    const auditor = await signInStaff(t, 'auditor');
    const byName = await request(t.http).get('/support/organizations').query({ name: 'glo' }).set(auditor.auth).expect(200);
    expect(byName.body.items.map((o: { name: string }) => o.name)).toEqual(['Globex']);
    const none = await request(t.http).get('/support/organizations').query({ name: 'zzz' }).set(support.auth).expect(200);
    expect(none.body).toEqual({ items: [], nextCursor: null });

    await request(t.http).get('/support/organizations').set(support.auth).expect(400);
    await request(t.http).get('/support/organizations').query({ name: 'glo', email: 'hank@globex.test' }).set(support.auth).expect(400);
    await request(t.http).get('/support/organizations').query({ name: 'glo' }).set(reseller.auth).expect(403);
  });
});
