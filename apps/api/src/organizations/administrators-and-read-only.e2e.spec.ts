import request from 'supertest';
import { registerVerifiedReseller, signInCustomer } from '../../test/actors';
import { TestSession } from '../../test/sign-in';
import { startTestApp, TestApp } from '../../test/test-app';
import { createOrganization, offerOwnership, organizationEvents, readModelsCaughtUp } from './organizations.test-helpers';

jest.setTimeout(30_000);

/**
 * Seeds 001/002: a business account bought through a reseller. The reseller (or the owner, once it
 * accepted) invites administrators by e-mail and each must accept (rule 15); the customer is
 * read-only except for its own contacts, and is told which reseller to ask for the rest (rule 8).
 */
describe('organizations over HTTP: administrators (rule 15) and the read-only customer (rule 8)', () => {
  let t: TestApp;
  let reseller: TestSession;
  let resellerId: string;
  let organizationId: string;
  let owner: TestSession;

  const invite = (session: TestSession, email: string) =>
    request(t.http).post(`/organizations/${organizationId}/administrator-invitations`).set(session.auth).send({ email });
  const acceptInvitation = (session: TestSession, invitationId: string) =>
    request(t.http).post(`/organizations/${organizationId}/administrator-invitations/${invitationId}/acceptance`).set(session.auth);

  beforeAll(async () => {
    t = await startTestApp();
    ({ resellerId, session: reseller } = await registerVerifiedReseller(t, {
      companyName: 'Lens Partners',
      email: 'desk@lens-partners.test',
    }));
    organizationId = await createOrganization(t, reseller, { name: 'Kraken Business', customerContactEmail: 'olivia@kraken.test' });
    const transferId = await offerOwnership(t, reseller, organizationId, 'olivia@kraken.test');
    owner = await signInCustomer(t, 'olivia@kraken.test');
    await request(t.http).post(`/organizations/${organizationId}/ownership-transfers/${transferId}/acceptance`).set(owner.auth).expect(200);
  });
  afterAll(() => t.close());

  it('the reseller and the owner invite administrators; an invitee sees the organization only once it accepts', async () => {
    const byReseller = await invite(reseller, 'Ada@Kraken.test').expect(201);
    const { invitationId } = byReseller.body;
    expect(byReseller.headers.location).toBe(`/organizations/${organizationId}/administrator-invitations/${invitationId}`);
    const byOwner = await invite(owner, 'never@kraken.test').expect(201);

    const events = await organizationEvents(t, organizationId);
    expect(events.slice(-2).map((e) => [e.type, e.data.email, e.metadata.onBehalfOf])).toEqual([
      ['AdministratorInvited', 'ada@kraken.test', { kind: 'organization', id: organizationId }],
      ['AdministratorInvited', 'never@kraken.test', null],
    ]);

    const twice = await invite(owner, 'ada@kraken.test').expect(422);
    expect(twice.body.code).toBe('administrator-already-invited');

    const ada = await signInCustomer(t, 'ada@kraken.test');
    const never = await signInCustomer(t, 'never@kraken.test');
    const wrongAddress = await acceptInvitation(never, invitationId).expect(422);
    expect(wrongAddress.body.code).toBe('invitation-not-for-this-email');
    await acceptInvitation(ada, 'no-such-invitation').expect(404);
    await acceptInvitation(ada, invitationId).expect(200);

    await readModelsCaughtUp(t);
    await request(t.http).get(`/organizations/${organizationId}`).set(ada.auth).expect(200);
    // The one who never accepts never gets in.
    await request(t.http).get(`/organizations/${organizationId}`).set(never.auth).expect(404);
    const view = await request(t.http).get(`/organizations/${organizationId}`).set(owner.auth).expect(200);
    expect(view.body.administrators.map((a: { email: string; status: string }) => [a.email, a.status])).toEqual([
      ['ada@kraken.test', 'accepted'],
      ['never@kraken.test', 'invited'],
    ]);
    expect(byOwner.body.invitationId).not.toBe(invitationId);

    // An administrator is not the owner: it cannot invite others.
    const byAdministrator = await invite(ada, 'eve@kraken.test').expect(422);
    expect(byAdministrator.body.code).toBe('not-organization-owner');
  });

  it('rule 8: the customer is refused every change but its contacts, with the reseller to contact named', async () => {
    const details = await request(t.http)
      .put(`/organizations/${organizationId}/company-details`)
      .set(owner.auth)
      .send({ name: 'Kraken Renamed', companyDetails: {} })
      .expect(422);
    expect(details.body.code).toBe('customer-is-read-only');
    expect(details.body.detail).toContain('Lens Partners');
    expect(details.body.detail).toContain('desk@lens-partners.test');

    const settings = await request(t.http)
      .patch(`/organizations/${organizationId}/settings`)
      .set(owner.auth)
      .send({ isPublic: true })
      .expect(422);
    expect(settings.body.code).toBe('customer-is-read-only');

    const contact = await request(t.http)
      .put(`/organizations/${organizationId}/contacts/billing`)
      .set(owner.auth)
      .send({ name: 'Bill Ing', email: 'Billing@Kraken.test' })
      .expect(200);
    expect(contact.body).toMatchObject({ organizationId, commandId: expect.any(String), revision: expect.any(String) });
    const ada = await signInCustomer(t, 'ada@kraken.test');
    await request(t.http)
      .put(`/organizations/${organizationId}/contacts/technical`)
      .set(ada.auth)
      .send({ email: 'ops@kraken.test' })
      .expect(200);
    const events = await organizationEvents(t, organizationId);
    expect(events.slice(-2).map((e) => [e.type, e.data.role, e.metadata.actor, e.metadata.onBehalfOf])).toEqual([
      ['ContactChanged', 'billing', { kind: 'customer', id: 'olivia@kraken.test' }, null],
      ['ContactChanged', 'technical', { kind: 'customer', id: 'ada@kraken.test' }, null],
    ]);
    await request(t.http)
      .put(`/organizations/${organizationId}/contacts/sales`)
      .set(owner.auth)
      .send({ email: 'x@kraken.test' })
      .expect(400);

    await readModelsCaughtUp(t);
    const view = await request(t.http).get(`/organizations/${organizationId}`).set(owner.auth).expect(200);
    expect(view.body.contacts.billing).toEqual({ name: 'Bill Ing', email: 'billing@kraken.test' });
  });

  it('the managing reseller changes company details and settings for its customer, on its behalf', async () => {
    const changed = await request(t.http)
      .put(`/organizations/${organizationId}/company-details`)
      .set(reseller.auth)
      .send({ name: 'Kraken Business Ltd', companyDetails: { legalName: 'Kraken Business Ltd', country: 'GB' } })
      .expect(200);
    const settings = await request(t.http)
      .patch(`/organizations/${organizationId}/settings`)
      .set(reseller.auth)
      .send({ isPublic: true })
      .expect(200);
    expect(BigInt(settings.body.revision)).toBe(BigInt(changed.body.revision) + 1n);
    // Nothing to change: nothing recorded, the same revision.
    const unchanged = await request(t.http)
      .patch(`/organizations/${organizationId}/settings`)
      .set(reseller.auth)
      .send({ isPublic: true })
      .expect(200);
    expect(unchanged.body.revision).toBe(settings.body.revision);

    const events = await organizationEvents(t, organizationId);
    expect(events.slice(-2).map((e) => [e.type, e.metadata.actor, e.metadata.onBehalfOf])).toEqual([
      ['CompanyDetailsChanged', { kind: 'reseller', id: resellerId }, { kind: 'organization', id: organizationId }],
      ['OrganizationSettingsChanged', { kind: 'reseller', id: resellerId }, { kind: 'organization', id: organizationId }],
    ]);
    expect(events.at(-1)!.data).toMatchObject({ isPublic: true, customerAssociationEnabled: false });
  });
});
