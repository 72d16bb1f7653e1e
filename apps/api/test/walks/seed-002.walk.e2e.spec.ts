import { signInCustomer, signInVendorAdmin } from '../actors';
import { signIn, TestSession } from '../sign-in';
import { startTestApp, TestApp } from '../test-app';
import { api, eventually, expectAccountableLog, requestIn, sandboxClock, totalIn, withMail } from './walk';

jest.setTimeout(60_000);

/**
 * Seed 002, "Online purchasing guide for resellers" (Lens): the reseller creates and verifies its
 * own ID, creates a business account for its customer, buys seats on a payment plan with its own
 * billing details, and invites the customer's administrators, who must each accept (rule 15).
 */
describe('walk of seed 002: the Lens online purchasing guide for resellers', () => {
  let t: TestApp;
  let reseller: TestSession;
  let resellerId: string;
  const resellerEmail = 'desk@kube-partners.example';
  const lead = 'olivia@kraken.example';
  let businessId: string;
  let subscriptionId: string;
  const invitations: Record<string, { invitationId: string; acceptance: string }> = {};

  beforeAll(async () => {
    t = await startTestApp();
    await sandboxClock.setTo(t, '2029-03-02T10:00:00.000Z');
    // The vendor (vendor-2, "Mirantis") sells Lens Desktop Pro per seat, monthly or yearly.
    const vendor = await signInVendorAdmin(t, 'vendor-2');
    await api(t, vendor)
      .post('/vendors/vendor-2/plans', {
        planId: 'lens-desktop-pro',
        product: 'Lens Desktop',
        tier: 'pro',
        currency: 'USD',
        prices: { monthly: '19.90', annual: '199.00' },
      })
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('"Optional. Create a Lens ID": registers, and can do nothing until it verified the address from the mail (rule 1)', async () => {
    const { result, mail } = await withMail(t, resellerEmail, 'Verify', () =>
      api(t).post('/resellers', { companyName: 'Kube Partners', email: resellerEmail, partnerKind: 'reseller' }).expect(201),
    );
    resellerId = result.body.resellerId;
    reseller = await signIn(t, resellerEmail, { role: 'reseller', tenantId: resellerId });
    const card = await api(t, reseller)
      .post(`/resellers/${resellerId}/payment-methods`, { kind: 'paypal', label: 'PayPal desk@kube-partners.example' })
      .expect(422);
    expect(card.body.code).toBe('reseller-email-not-verified');
    const business = await api(t, reseller)
      .post('/organizations', { vendorId: 'vendor-2', name: 'Kraken Business', customerContactEmail: lead })
      .expect(422);
    expect(business.body.code).toBe('reseller-email-not-verified');

    // "In your email box, open the verification message and verify your email address and login to continue"
    const token = /"token":"([A-Za-z0-9_-]+)"/.exec(mail.text)![1];
    await api(t).post(requestIn(mail, 'POST'), { token }).expect(200);
    reseller = await signIn(t, resellerEmail, { role: 'reseller', tenantId: resellerId });
    expect((await api(t, reseller).get('/auth/me').expect(200)).body).toMatchObject({ role: 'reseller', tenantId: resellerId });
  });

  it('"select Lens Desktop Pro ... specify the Payment plan and Number of seats"', async () => {
    const plan = await api(t, reseller).get('/vendors/vendor-2/plans/lens-desktop-pro').expect(200);
    expect(plan.body).toMatchObject({
      planId: 'lens-desktop-pro',
      product: 'Lens Desktop',
      status: 'available',
      prices: { monthly: '19.90', annual: '199.00' },
    });
  });

  it('"Create Lens Business ID and specify the organization details of your Customer"', async () => {
    const created = await api(t, reseller)
      .post('/organizations', {
        vendorId: 'vendor-2',
        name: 'Kraken Business',
        companyDetails: {
          legalName: 'Kraken Business Ltd',
          addressLine: '1 Harbour Road',
          city: 'Bristol',
          postalCode: 'BS1 4QA',
          country: 'GB',
          taxId: 'GB123456789',
        },
        customerContactEmail: lead,
        customerContactName: 'Olivia Kraken',
      })
      .expect(201);
    businessId = created.body.organizationId;
  });

  it('"Specify the payment details": the reseller company\'s contact and billing; "Thank You for Subscribing" comes with the invoice', async () => {
    await api(t, reseller)
      .post(`/resellers/${resellerId}/payment-methods`, { kind: 'paypal', label: 'PayPal desk@kube-partners.example', makeDefault: true })
      .expect(201);
    // "Create New Subscription, specify its details, and attach the subscription to the Lens Business ID"
    const { result, mail } = await withMail(t, resellerEmail, 'Receipt', () =>
      api(t, reseller)
        .post('/subscriptions', {
          organizationId: businessId,
          planId: 'lens-desktop-pro',
          billingPeriod: 'monthly',
          seats: 5,
          customerContactEmail: lead,
        })
        .expect(201),
    );
    subscriptionId = result.body.subscriptionId;
    // 5 seats × 19.90 for the first month, charged to the reseller's PayPal.
    expect(totalIn(mail)).toBe('99.50');

    // "You can observe and manage the customer Lens Business ID in the Lens ID Portal."
    const portal = await eventually(
      () => api(t, reseller).get(`/resellers/${resellerId}/customers/${businessId}`).expect(200),
      (r) => expect(r.body.subscriptions).toHaveLength(1),
    );
    expect(portal.body).toMatchObject({
      name: 'Kraken Business',
      companyDetails: { legalName: 'Kraken Business Ltd', country: 'GB', taxId: 'GB123456789' },
      owner: { kind: 'reseller', resellerId },
      contacts: { primary: { name: 'Olivia Kraken', email: lead } },
    });
    expect(portal.body.subscriptions[0]).toMatchObject({
      subscriptionId,
      billingPeriod: 'monthly',
      seats: 5,
      periodTotal: '99.50',
      annualTotal: '1194.00',
    });
  });

  it('"Invite an administrator": one or several customer addresses; each gets an e-mail with instructions to accept (rule 15)', async () => {
    for (const email of ['ada@kraken.example', 'never@kraken.example']) {
      const { result, mail } = await withMail(t, email, 'invited to administer', () =>
        api(t, reseller).post(`/organizations/${businessId}/administrator-invitations`, { email }).expect(201),
      );
      expect(mail.subject).toBe('You are invited to administer Kraken Business');
      invitations[email] = { invitationId: result.body.invitationId, acceptance: requestIn(mail, 'POST') };
    }
    const twice = await api(t, reseller)
      .post(`/organizations/${businessId}/administrator-invitations`, { email: 'Ada@Kraken.example' })
      .expect(422);
    expect(twice.body.code).toBe('administrator-already-invited');
  });

  it('the administrator who accepts, signed in with the invited address, administers the account', async () => {
    const ada = await signInCustomer(t, 'ada@kraken.example');
    // The mail is for Ada alone: she cannot accept someone else's invitation.
    const notHers = await api(t, ada).post(invitations['never@kraken.example'].acceptance).expect(422);
    expect(notHers.body.code).toBe('invitation-not-for-this-email');
    await api(t, ada).post(invitations['ada@kraken.example'].acceptance).expect(200);

    const mine = await eventually(
      () => api(t, ada).get('/me/organizations').expect(200),
      (r) => expect(r.body.items).toHaveLength(1),
    );
    expect(mine.body.items[0]).toMatchObject({ organizationId: businessId, role: 'administrator' });
    const view = await api(t, ada).get(`/organizations/${businessId}`).expect(200);
    expect(view.body).toMatchObject({ name: 'Kraken Business', boughtThrough: { resellerId, companyName: 'Kube Partners' } });
    expect(view.body.subscriptions[0]).toMatchObject({ subscriptionId, seats: 5, billingPeriod: 'monthly', status: 'active' });
    // What the reseller pays is the reseller's business.
    expect(JSON.stringify(view.body)).not.toMatch(/unitPrice|periodTotal|annualTotal|invoice|19\.90|99\.50/i);
    // An administrator manages the account's contacts.
    await api(t, ada).put(`/organizations/${businessId}/contacts/technical`, { name: 'Ada Ops', email: 'ops@kraken.example' }).expect(200);
  });

  it('the administrator who never accepts never gets in, not even a month later', async () => {
    let never = await signInCustomer(t, 'never@kraken.example');
    const shutOut = async () => {
      expect((await api(t, never).get('/me/organizations').expect(200)).body.items).toEqual([]);
      expect((await api(t, never).get(`/organizations/${businessId}`).expect(404)).body.code).toMatch(/not-found$/);
      await api(t, never).put(`/organizations/${businessId}/contacts/technical`, { email: 'never@kraken.example' }).expect(404);
    };
    await shutOut();

    await sandboxClock.advance(t, { days: 30 });
    never = await signInCustomer(t, 'never@kraken.example');
    reseller = await signIn(t, resellerEmail, { role: 'reseller', tenantId: resellerId });
    await shutOut();
    const portal = await eventually(
      () => api(t, reseller).get(`/resellers/${resellerId}/customers/${businessId}`).expect(200),
      (r) => expect(r.body.admins).toHaveLength(2),
    );
    expect(portal.body.admins.map((a: { email: string; status: string }) => [a.email, a.status])).toEqual([
      ['ada@kraken.example', 'accepted'],
      ['never@kraken.example', 'invited'],
    ]);
  });

  it('the log: every fact names who caused it; what the reseller did for its customer is recorded on its behalf', async () => {
    const log = await expectAccountableLog(t);
    expect(log.byResellerOnCustomers).toBeGreaterThan(4);
    expect(log.covered).toEqual(['organization', 'subscription']);
  });
});
