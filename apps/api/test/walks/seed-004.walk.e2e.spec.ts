import { createPublicKey, verify } from 'node:crypto';
import { registerVerifiedReseller, signInCustomer, signInVendorAdmin } from '../actors';
import { signIn, signInTokenIn, TestSession } from '../sign-in';
import { startTestApp, TestApp } from '../test-app';
import { api, eventually, expectAccountableLog, mailsTo, requestIn, sandboxClock, withMail } from './walk';

jest.setTimeout(60_000);

/**
 * Seed 004, "The Customers Portal" (GitLab): a customer whose subscription was bought through a
 * reseller signs in with a one-time link, views its subscription, downloads and checks its license,
 * manages its contacts — and is sent to the reseller for everything else.
 */
describe('walk of seed 004: the customers portal, for a customer that bought through a reseller', () => {
  let t: TestApp;
  let acme: { resellerId: string; session: TestSession };
  const acmeEmail = 'sales@acme-resale.example';
  const contact = 'it@globex.example';
  let customer: TestSession;
  let globexId: string;
  let subscriptionId: string;
  let licenseId: string;
  let offerMailPath: string;

  /** "Sign in with your email": ask for a link, open the mail, redeem it. */
  const linkFor = async (email: string) => {
    const { mail } = await withMail(t, email, 'sign-in link', () => api(t).post('/auth/sign-in-links', { email }).expect(202));
    return { mail, token: signInTokenIn(mail.text) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    await sandboxClock.setTo(t, '2029-03-02T10:00:00.000Z');
    const vendor = await signInVendorAdmin(t, 'vendor-1');
    await api(t, vendor)
      .post('/vendors/vendor-1/plans', {
        planId: 'gitlab-premium',
        product: 'GitLab',
        tier: 'pro',
        currency: 'USD',
        prices: { annual: '348.00' },
      })
      .expect(201);

    // The reseller's side, as seed 000 walks it: an organization for Globex, 10 seats, a license.
    acme = await registerVerifiedReseller(t, { companyName: 'Acme Resale', email: acmeEmail });
    await api(t, acme.session)
      .post(`/resellers/${acme.resellerId}/payment-methods`, { kind: 'card', label: 'Visa •••• 4242', makeDefault: true })
      .expect(201);
    globexId = (
      await api(t, acme.session).post('/organizations', { vendorId: 'vendor-1', name: 'Globex', customerContactEmail: contact }).expect(201)
    ).body.organizationId;
    const { result, mail } = await withMail(t, contact, 'offers you ownership', () =>
      api(t, acme.session)
        .post('/subscriptions', {
          organizationId: globexId,
          planId: 'gitlab-premium',
          billingPeriod: 'annual',
          seats: 10,
          customerContactEmail: contact,
        })
        .expect(201),
    );
    subscriptionId = result.body.subscriptionId;
    offerMailPath = requestIn(mail, 'POST');
    const granted = await api(t, vendor)
      .post('/vendors/vendor-1/issuance-rights', {
        resellerId: acme.resellerId,
        licenseTemplateId: 'gitlab-premium-sm',
        maxLicenses: 5,
        expiresAt: '2031-01-01T00:00:00.000Z',
      })
      .expect(201);
    licenseId = (await api(t, acme.session).post('/licenses', { rightId: granted.body.rightId, organizationId: globexId }).expect(201)).body
      .licenseId;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('"Sign in ... with your email": a one-time sign-in link, mailed to that address, opens a session', async () => {
    const { token } = await linkFor(contact);
    const session = await api(t).post('/auth/sessions', { token, role: 'customer' }).expect(201);
    customer = { ...session.body, auth: { Authorization: `Bearer ${session.body.accessToken}` } };
    expect((await api(t, customer).get('/auth/me').expect(200)).body).toMatchObject({ role: 'customer', subject: contact });

    // "The one-time sign-in link ... can only be used once." (rule 16)
    const again = await api(t).post('/auth/sessions', { token, role: 'customer' }).expect(422);
    expect(again.body.code).toBe('sign-in-link-already-used');

    // An address the portal does not know is answered the same, and gets no mail.
    const unknown = await api(t).post('/auth/sign-in-links', { email: 'nobody@elsewhere.example' }).expect(202);
    const known = await api(t).post('/auth/sign-in-links', { email: contact }).expect(202);
    expect(unknown.body).toEqual(known.body);
    await eventually(
      () => mailsTo(t, contact),
      (mails) => expect(mails.filter((m) => m.subject.includes('sign-in link'))).toHaveLength(2),
    );
    expect(await mailsTo(t, 'nobody@elsewhere.example')).toEqual([]);
  });

  it('"The one-time sign-in link expires in 24 hours" (rule 16)', async () => {
    const { token } = await linkFor(contact);
    await sandboxClock.advance(t, { hours: 25 });
    const late = await api(t).post('/auth/sessions', { token, role: 'customer' }).expect(422);
    expect(late.body.code).toBe('sign-in-link-expired');
    // Access tokens expire on the same clock: everyone signs in again.
    customer = await signInCustomer(t, contact);
    acme.session = await signIn(t, acmeEmail, { role: 'reseller', tenantId: acme.resellerId });
  });

  it('"After your subscription order is processed, you will receive several emails": how to sign in and take the subscription on', async () => {
    const offer = (await mailsTo(t, contact)).find((m) => m.subject === 'Acme Resale offers you ownership of Globex')!;
    expect(offer.text).toContain('POST /auth/sign-in-links');
    // The invoices go to the reseller, never to the customer (rule 7).
    expect((await mailsTo(t, contact)).filter((m) => /invoice|receipt/i.test(m.subject))).toEqual([]);
    expect((await mailsTo(t, acmeEmail)).filter((m) => /Receipt for invoice/.test(m.subject))).toHaveLength(1);

    await api(t, customer).post(offerMailPath).expect(200);
  });

  it('"View your subscription": the customer\'s read-only view names the reseller and shows no prices', async () => {
    const mine = await eventually(
      () => api(t, customer).get('/me/organizations').expect(200),
      (r) => expect(r.body.items).toHaveLength(1),
    );
    expect(mine.body.items[0]).toMatchObject({ organizationId: globexId, role: 'owner' });
    const view = await api(t, customer).get(`/organizations/${globexId}`).expect(200);
    expect(view.body).toMatchObject({
      name: 'Globex',
      owner: { kind: 'customer', email: contact },
      boughtThrough: { resellerId: acme.resellerId, companyName: 'Acme Resale', note: expect.stringContaining('Acme Resale') },
    });
    expect(view.body.subscriptions).toEqual([
      expect.objectContaining({
        subscriptionId,
        channel: 'reseller',
        seats: 10,
        status: 'active',
        boughtThrough: { resellerId: acme.resellerId, companyName: 'Acme Resale' },
      }),
    ]);
    expect(view.body.subscriptions[0].periodEnd.startsWith('2030-03-02')).toBe(true);
    // "Requests for invoices ... are issued by the reseller": no prices, totals or invoices in the portal.
    expect(JSON.stringify(view.body)).not.toMatch(/unitPrice|periodTotal|annualTotal|invoice|"total"|348\.00|3480\.00/i);
  });

  it('"download the license (GitLab self-managed)": the signed file verifies offline with the vendor\'s public key, node:crypto only', async () => {
    const { mail } = await withMail(t, contact, 'license is ready', () =>
      api(t, acme.session).post(`/licenses/${licenseId}/delivery`, { recipientEmail: contact }).expect(200),
    );
    const view = await eventually(
      () => api(t, customer).get(`/organizations/${globexId}`).expect(200),
      (r) => expect(r.body.licenses[0]?.status).toBe('delivered'),
    );
    expect(view.body.licenses[0]).toMatchObject({ licenseId, available: true, fileUrl: `/licenses/${licenseId}/file` });
    expect(requestIn(mail, 'GET')).toBe(view.body.licenses[0].fileUrl);

    const file = await api(t, customer).get(view.body.licenses[0].fileUrl).expect(200);
    expect(file.headers['content-disposition']).toContain(`${licenseId}.lic`);
    // Anyone may fetch the vendor's public key, signed in or not.
    const key = await api(t).get('/.well-known/vendors/vendor-1/license-key').expect(200);

    // docs/license-files.md, "Verifying offline", with nothing but node:crypto.
    const lines = file.text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('-----BEGIN CHANNEL-LEDGER LICENSE-----');
    expect(lines.at(-1)).toBe('-----END CHANNEL-LEDGER LICENSE-----');
    const envelope = JSON.parse(Buffer.from(lines.slice(1, -1).join(''), 'base64').toString('utf8'));
    expect(envelope).toMatchObject({ alg: 'ed25519', enc: 'base64' });
    const signed = Buffer.from(`license/${envelope.data}`, 'utf8');
    const signature = Buffer.from(envelope.sig, 'base64');
    expect(verify(null, signed, createPublicKey(key.body.publicKeyPem), signature)).toBe(true);
    expect(verify(null, signed, createPublicKey({ key: key.body.jwk, format: 'jwk' }), signature)).toBe(true);
    const license = JSON.parse(Buffer.from(envelope.data, 'base64').toString('utf8'));
    expect(license).toEqual({
      licenseId,
      vendorId: 'vendor-1',
      template: 'gitlab-premium-sm',
      organizationId: globexId,
      nfr: false,
      issuedAt: expect.any(String),
    });

    // A file someone edited does not verify; nor does another vendor's key.
    const edited = Buffer.from(JSON.stringify({ ...license, organizationId: 'someone-else' })).toString('base64');
    expect(verify(null, Buffer.from(`license/${edited}`), createPublicKey(key.body.publicKeyPem), signature)).toBe(false);
    const otherVendor = await api(t).get('/.well-known/vendors/vendor-2/license-key').expect(200);
    expect(verify(null, signed, createPublicKey(otherVendor.body.publicKeyPem), signature)).toBe(false);
  });

  it('"Manage contact information": the subscription contact and the billing contact', async () => {
    await api(t, customer)
      .put(`/organizations/${globexId}/contacts/primary`, { name: 'Hank Scorpio', email: 'hank@globex.example' })
      .expect(200);
    await api(t, customer)
      .put(`/organizations/${globexId}/contacts/billing`, { name: 'Accounts Payable', email: 'ap@globex.example' })
      .expect(200);
    const view = await eventually(
      () => api(t, customer).get(`/organizations/${globexId}`).expect(200),
      (r) => expect(r.body.contacts.billing?.email).toBe('ap@globex.example'),
    );
    expect(view.body.contacts).toMatchObject({
      primary: { name: 'Hank Scorpio', email: 'hank@globex.example' },
      billing: { name: 'Accounts Payable', email: 'ap@globex.example' },
    });
  });

  it('"Other changes and requests must be done through the reseller": company details and invoices are refused, naming Acme (rule 8)', async () => {
    const details = await api(t, customer)
      .put(`/organizations/${globexId}/company-details`, { name: 'Globex Corp', companyDetails: { taxId: 'US-1' } })
      .expect(422);
    expect(details.body).toMatchObject({ code: 'customer-is-read-only' });
    expect(details.body.detail).toContain('Acme Resale');
    const invoices = await api(t, customer).post(`/subscriptions/${subscriptionId}/invoice-requests`).expect(422);
    expect(invoices.body).toMatchObject({ code: 'invoices-issued-by-reseller' });
    expect(invoices.body.detail).toContain('Acme Resale');
  });

  it('"Purchase of additional seats ... must be done through the reseller": the customer is refused, naming Acme Resale', async () => {
    const refused = await api(t, customer).post(`/subscriptions/${subscriptionId}/seats`, { seats: 5 }).expect(422);
    expect(refused.body).toMatchObject({ code: 'customer-is-read-only' });
    expect(refused.body.detail).toContain('Acme Resale');
  });

  it('"Resellers do not have access to the Customers Portal, or their customers\' accounts"', async () => {
    expect((await api(t, acme.session).get(`/organizations/${globexId}`).expect(403)).body.code).toBe('forbidden-for-role');
    await api(t, acme.session).get('/me/organizations').expect(403);
    // Nor does the reseller change the customer's contacts on its own (rule 9: only through support, with its invoice).
    const contactByReseller = await api(t, acme.session)
      .put(`/organizations/${globexId}/contacts/billing`, { email: 'ap@acme-resale.example' })
      .expect(422);
    expect(contactByReseller.body.code).toBe('contact-change-needs-invoice');
  });

  it('the log: every fact names who caused it; what the reseller did for Globex is recorded on its behalf', async () => {
    const log = await expectAccountableLog(t);
    expect(log.byResellerOnCustomers).toBeGreaterThanOrEqual(5);
    expect(log.covered).toEqual(['license', 'organization', 'subscription']);
  });
});
