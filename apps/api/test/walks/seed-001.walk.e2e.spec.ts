import { registerVerifiedReseller, signInCustomer, signInStaff, signInVendorAdmin } from '../actors';
import { signIn, TestSession } from '../sign-in';
import { startTestApp, TestApp } from '../test-app';
import { api, eventually, expectAccountableLog, mailsTo, requestIn, sandboxClock, withMail } from './walk';

jest.setTimeout(60_000);

/**
 * Seed 001, "Working with reseller related requests" (a support handbook): a customer that bought
 * through a reseller is read-only and is sent to its reseller; support identifies the reseller
 * purchase by its invoice owner, never sends a license to the reseller, changes an end-user
 * contact only on the reseller's own invoice, and treats a direct renewal as a new purchase.
 */
describe('walk of seed 001: support working with reseller related requests', () => {
  let t: TestApp;
  let support: TestSession;
  let acme: { resellerId: string; session: TestSession };
  let rival: { resellerId: string; session: TestSession };
  const acmeEmail = 'sales@acme-resale.example';
  const contact = 'it@globex.example';
  let customer: TestSession;
  let globexId: string;
  let purchase: { subscriptionId: string; invoiceId: string };
  let rivalInvoice: { subscriptionId: string; invoiceId: string };
  let directSubscriptionId: string;

  const buyFor = async (
    reseller: { resellerId: string; session: TestSession },
    organizationId: string,
    customerContactEmail: string,
    seats: number,
  ) => {
    await api(t, reseller.session)
      .post(`/resellers/${reseller.resellerId}/payment-methods`, { kind: 'card', label: 'Visa •••• 4242', makeDefault: true })
      .expect(201);
    const bought = await api(t, reseller.session)
      .post('/subscriptions', { organizationId, planId: 'gitlab-premium', billingPeriod: 'annual', seats, customerContactEmail })
      .expect(201);
    return bought.body as { subscriptionId: string; invoiceId: string; transferId: string };
  };
  const signInAll = async () => {
    support = await signInStaff(t, 'support');
    acme.session = await signIn(t, acmeEmail, { role: 'reseller', tenantId: acme.resellerId });
    customer = await signInCustomer(t, contact);
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

    acme = await registerVerifiedReseller(t, { companyName: 'Acme Resale', email: acmeEmail });
    const created = await api(t, acme.session)
      .post('/organizations', { vendorId: 'vendor-1', name: 'Globex', customerContactEmail: contact })
      .expect(201);
    globexId = created.body.organizationId;
    const { mail: offer, result } = await withMail(t, contact, 'offers you ownership', () => buyFor(acme, globexId, contact, 10));
    purchase = { subscriptionId: result.subscriptionId, invoiceId: result.invoiceId };
    customer = await signInCustomer(t, contact);
    await api(t, customer).post(requestIn(offer, 'POST')).expect(200);

    rival = await registerVerifiedReseller(t, { companyName: 'Rival IT', email: 'desk@rival-it.example' });
    const initech = await api(t, rival.session)
      .post('/organizations', { vendorId: 'vendor-1', name: 'Initech', customerContactEmail: 'bill@initech.example' })
      .expect(201);
    const rivalPurchase = await buyFor(rival, initech.body.organizationId, 'bill@initech.example', 2);
    rivalInvoice = { subscriptionId: rivalPurchase.subscriptionId, invoiceId: rivalPurchase.invoiceId };

    support = await signInStaff(t, 'support');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('"an Alliance Partner is different from a Channel Partner, and is not a reseller"', async () => {
    const refused = await api(t)
      .post('/resellers', { companyName: 'Cloud Alliance', email: 'partners@alliance.example', partnerKind: 'alliance' })
      .expect(422);
    expect(refused.body.code).toBe('alliance-partner-cannot-resell');
    expect(refused.body.detail).toMatch(/not a reseller/);
  });

  it('"Additions or modifications ... must go through the reseller": the customer is refused, told which reseller to ask (rule 8)', async () => {
    const details = await api(t, customer)
      .put(`/organizations/${globexId}/company-details`, { name: 'Globex Renamed', companyDetails: {} })
      .expect(422);
    expect(details.body.code).toBe('customer-is-read-only');
    expect(details.body.detail).toContain('Acme Resale');
    expect(details.body.detail).toContain(acmeEmail);

    // "Requests for invoices, because those are issued by the reseller" (seed 004 says the same).
    const invoices = await api(t, customer).post(`/subscriptions/${purchase.subscriptionId}/invoice-requests`).expect(422);
    expect(invoices.body.code).toBe('invoices-issued-by-reseller');
    expect(invoices.body.detail).toMatch(/Acme Resale/);
  });

  it('rule 8 on the subscription itself: more seats, a renewal or a cancellation asked by the customer is refused, naming the reseller', async () => {
    for (const [path, body] of [
      ['seats', { seats: 5 }],
      ['renewal', {}],
      ['cancellation', {}],
    ] as const) {
      const refused = await api(t, customer).post(`/subscriptions/${purchase.subscriptionId}/${path}`, body).expect(422);
      expect(refused.body.code).toBe('customer-is-read-only');
      expect(refused.body.detail).toContain('Acme Resale');
    }
  });

  it('"Identifying whether a customer purchased through reseller": support finds the customer and reads the Invoice Owner', async () => {
    // "enter the customers contact details into the search text field box"
    const found = await eventually(
      () =>
        api(t, support)
          .get(`/support/organizations?email=${encodeURIComponent(contact)}`)
          .expect(200),
      (r) => expect(r.body.items).toHaveLength(1),
    );
    expect(found.body.items[0]).toMatchObject({
      organizationId: globexId,
      name: 'Globex',
      managingReseller: { resellerId: acme.resellerId, companyName: 'Acme Resale' },
    });

    // "click on the Zuora Subscriptions tab and then the subscription name"
    const organization = await api(t, support).get(`/organizations/${globexId}`).expect(200);
    expect(organization.body.subscriptions.map((s: { subscriptionId: string }) => s.subscriptionId)).toEqual([purchase.subscriptionId]);
    expect(organization.body.boughtThrough).toMatchObject({ resellerId: acme.resellerId, companyName: 'Acme Resale' });

    // "the reseller should be listed in the Invoice Owner field" — on a given day, and "SSPChannel: Reseller".
    const owner = await api(t, support).get(`/audit/subscriptions/${purchase.subscriptionId}/invoice-owner?at=2029-06-01`).expect(200);
    expect(owner.body.invoiceOwner).toMatchObject({
      owner: { kind: 'reseller', id: acme.resellerId, name: 'Acme Resale' },
      channel: 'reseller',
    });
    const before = await api(t, support).get(`/audit/subscriptions/${purchase.subscriptionId}/invoice-owner?at=2029-03-01`).expect(200);
    expect(before.body.invoiceOwner).toBeNull();

    // The subscription's history says who did what, in words.
    const trail = await api(t, support).get(`/audit/subscriptions/${purchase.subscriptionId}/events`).expect(200);
    expect(trail.body.items[0]).toMatchObject({
      type: 'SubscriptionPurchased',
      actor: { kind: 'reseller', id: acme.resellerId },
      onBehalfOf: { kind: 'organization', id: globexId },
      channel: 'reseller',
      description: 'Acme Resale bought 10 GitLab Pro seats (annual) for Globex, invoice owner Acme Resale',
    });
  });

  it('"Do not send a license file to the reseller partner" (rule 10)', async () => {
    const vendor = await signInVendorAdmin(t, 'vendor-1');
    const right = await api(t, vendor)
      .post('/vendors/vendor-1/issuance-rights', {
        resellerId: acme.resellerId,
        licenseTemplateId: 'gitlab-premium-sm',
        maxLicenses: 5,
        expiresAt: '2031-01-01T00:00:00.000Z',
      })
      .expect(201);
    const license = await api(t, acme.session).post('/licenses', { rightId: right.body.rightId, organizationId: globexId }).expect(201);
    const toReseller = await api(t, acme.session)
      .post(`/licenses/${license.body.licenseId}/delivery`, { recipientEmail: acmeEmail })
      .expect(422);
    expect(toReseller.body.code).toBe('license-not-to-reseller');
    const toRival = await api(t, acme.session)
      .post(`/licenses/${license.body.licenseId}/delivery`, { recipientEmail: 'desk@rival-it.example' })
      .expect(422);
    expect(toRival.body.code).toBe('license-not-to-reseller');

    const { mail } = await withMail(t, contact, 'license is ready', () =>
      api(t, acme.session).post(`/licenses/${license.body.licenseId}/delivery`, { recipientEmail: contact }).expect(200),
    );
    expect(requestIn(mail, 'GET')).toBe(`/licenses/${license.body.licenseId}/file`);
    expect((await mailsTo(t, acmeEmail)).filter((m) => /license/i.test(m.subject))).toEqual([]);
  });

  it('"Have the current Sold-To contact file a support ticket": the customer manages its own contacts', async () => {
    await api(t, customer)
      .put(`/organizations/${globexId}/contacts/technical`, { name: 'Ops Desk', email: 'ops@globex.example' })
      .expect(200);
    await eventually(
      () => api(t, customer).get(`/organizations/${globexId}`).expect(200),
      (r) => expect(r.body.contacts.technical).toEqual({ name: 'Ops Desk', email: 'ops@globex.example' }),
    );
  });

  it('"The reseller partner must attach a copy of the subscription invoice" to change an end-user contact (rule 9)', async () => {
    const ask = (body: object) => api(t, acme.session).post(`/organizations/${globexId}/contact-change-requests`, body);
    const newBilling = { role: 'billing', contact: { name: 'Carol Billing', email: 'carol@globex.example' } };

    const without = await ask(newBilling).expect(422);
    expect(without.body.code).toBe('contact-change-needs-invoice');
    const someoneElses = await ask({ ...newBilling, invoice: rivalInvoice }).expect(422);
    expect(someoneElses.body.code).toBe('contact-change-needs-invoice');
    // Nor may the reseller change the contact directly.
    const direct = await api(t, acme.session).put(`/organizations/${globexId}/contacts/billing`, newBilling.contact).expect(422);
    expect(direct.body.code).toBe('contact-change-needs-invoice');

    // With the invoice of Globex's subscription that was issued to Acme, the request reaches support.
    const requested = await ask({
      ...newBilling,
      invoice: { subscriptionId: purchase.subscriptionId, invoiceId: purchase.invoiceId },
    }).expect(201);
    const pending = await eventually(
      () => api(t, support).get(`/resellers/${acme.resellerId}/customers/${globexId}`).expect(200),
      (r) => expect(r.body.contactChangeRequests).toHaveLength(1),
    );
    expect(pending.body.contactChangeRequests[0]).toMatchObject({
      requestId: requested.body.requestId,
      status: 'pending',
      role: 'billing',
    });

    await api(t, support).post(`/organizations/${globexId}/contact-change-requests/${requested.body.requestId}/approval`).expect(200);
    await eventually(
      () => api(t, customer).get(`/organizations/${globexId}`).expect(200),
      (r) => expect(r.body.contacts.billing).toEqual({ name: 'Carol Billing', email: 'carol@globex.example' }),
    );
  });

  it('"a new purchase instead of a renewal ... would not include the previous subscription counts" (rule 11)', async () => {
    await sandboxClock.setTo(t, '2030-02-20T09:00:00.000Z');
    await signInAll();

    const bought = await api(t, customer)
      .post(`/subscriptions/${purchase.subscriptionId}/direct-purchase`, {
        planId: 'gitlab-premium',
        billingPeriod: 'annual',
        seats: 3,
        billingContactEmail: 'billing@globex.example',
        paymentMethodId: 'pm_globex_visa',
        paymentMethodKind: 'card',
      })
      .expect(201);
    directSubscriptionId = bought.body.subscriptionId;
    expect(directSubscriptionId).not.toBe(purchase.subscriptionId);

    const view = await eventually(
      () => api(t, customer).get(`/organizations/${globexId}`).expect(200),
      (r) => expect(r.body.subscriptions).toHaveLength(2),
    );
    const direct = view.body.subscriptions.find((s: { subscriptionId: string }) => s.subscriptionId === directSubscriptionId);
    const resold = view.body.subscriptions.find((s: { subscriptionId: string }) => s.subscriptionId === purchase.subscriptionId);
    // Nothing carried over: 3 seats, not 10; a term of its own from today, not the reseller's anniversary.
    expect(direct).toMatchObject({ channel: 'direct', boughtThrough: null, seats: 3 });
    expect(direct.periodStart.startsWith('2030-02-20')).toBe(true);
    expect(resold).toMatchObject({ channel: 'reseller', seats: 10, status: 'active' });
    expect(resold.periodEnd.startsWith('2030-03-02')).toBe(true);

    // Now the customer asks for its own invoices and gets them.
    const invoices = await api(t, customer).post(`/subscriptions/${directSubscriptionId}/invoice-requests`).expect(200);
    expect(invoices.body.invoices).toEqual([expect.objectContaining({ reason: 'direct-purchase', total: '1044.00' })]);
  });

  it('"ensure you mention that the customer first had a Reseller purchase": support sees it in the history and the invoice owner', async () => {
    const trail = await eventually(
      () => api(t, support).get(`/audit/subscriptions/${directSubscriptionId}/events`).expect(200),
      (r) => expect(r.body.items.length).toBeGreaterThan(0),
    );
    expect(trail.body.items[0]).toMatchObject({
      type: 'DirectPurchaseRecorded',
      channel: 'direct',
      actor: { kind: 'customer', id: contact },
    });
    expect(trail.body.items[0].description).toContain(`replacing reseller subscription ${purchase.subscriptionId}`);
    const owner = await api(t, support).get(`/audit/subscriptions/${directSubscriptionId}/invoice-owner?at=2030-02-21`).expect(200);
    expect(owner.body.invoiceOwner).toMatchObject({ owner: { kind: 'organization', id: globexId }, channel: 'direct' });
    // The reseller's book does not show the vendor's direct subscription.
    const book = await api(t, acme.session).get(`/resellers/${acme.resellerId}/subscriptions?organizationId=${globexId}`).expect(200);
    expect(book.body.items.map((s: { subscriptionId: string }) => s.subscriptionId)).toEqual([purchase.subscriptionId]);
  });

  it('"Pass to Sales": support moves the reseller subscription\'s invoices to the customer from a date on; "invoice owner on date D" follows', async () => {
    const effectiveAt = '2030-02-25T00:00:00.000Z';
    await api(t, support)
      .post(`/subscriptions/${purchase.subscriptionId}/invoice-owner`, {
        newOwner: { kind: 'organization', billingContactEmail: 'billing@globex.example' },
        effectiveAt,
        reason: 'Globex pays the vendor directly (ticket 4711)',
      })
      .expect(200);
    const history = await eventually(
      () => api(t, support).get(`/audit/subscriptions/${purchase.subscriptionId}/invoice-owners`).expect(200),
      (r) => expect(r.body.intervals).toHaveLength(2),
    );
    expect(history.body.intervals.map((i: { owner: { kind: string }; validFrom: string }) => [i.owner.kind, i.validFrom])).toEqual([
      ['reseller', expect.stringMatching(/^2029-03-02/)],
      ['organization', effectiveAt],
    ]);
    const onD = async (at: string) =>
      (await api(t, support).get(`/audit/subscriptions/${purchase.subscriptionId}/invoice-owner?at=${at}`).expect(200)).body.invoiceOwner;
    expect(await onD('2030-02-24')).toMatchObject({ owner: { kind: 'reseller', id: acme.resellerId } });
    expect(await onD('2030-02-26')).toMatchObject({
      owner: { kind: 'organization', id: globexId },
      reason: 'Globex pays the vendor directly (ticket 4711)',
    });
  });

  it('the log: every fact names who caused it; what a reseller did for a customer is recorded on its behalf', async () => {
    const log = await expectAccountableLog(t);
    expect(log.byResellerOnCustomers).toBeGreaterThan(5);
    expect(log.covered).toEqual(['license', 'organization', 'subscription']);
  });
});
