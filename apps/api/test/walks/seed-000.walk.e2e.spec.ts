import { signInCustomer, signInVendorAdmin } from '../actors';
import { signIn, TestSession } from '../sign-in';
import { startTestApp, TestApp } from '../test-app';
import { api, DAY, eventually, expectAccountableLog, mailsTo, prorated, requestIn, sandboxClock, totalIn, withMail } from './walk';

jest.setTimeout(60_000);

/**
 * Seed 000, "GitLens Reseller Guide": a reseller creates its account, buys for a new customer
 * organization "for someone else", the customer accepts ownership within 7 days (or the reseller
 * initiates it again), then the reseller adds licenses to the existing organization for what the
 * Billing Summary quoted and quotes the renewal.
 */
describe('walk of seed 000: the GitLens reseller guide', () => {
  let t: TestApp;
  let vendor: TestSession;
  let reseller: TestSession;
  let resellerId: string;
  let cardId: string;
  const resellerEmail = 'sales@acme-resale.example';
  const globexContact = 'it@globex.example';
  const initechContact = 'bill@initech.example';
  let globexId: string;
  let subscriptionId: string;
  let initechId: string;
  let lapsedTransferId: string;

  const signInReseller = async () => {
    reseller = await signIn(t, resellerEmail, { role: 'reseller', tenantId: resellerId });
  };

  beforeAll(async () => {
    t = await startTestApp();
    // A fixed day, so the proration below reads like an example: 2029-03-02 to 2030-03-02 is 365 days.
    await sandboxClock.setTo(t, '2029-03-02T10:00:00.000Z');
    vendor = await signInVendorAdmin(t, 'vendor-1');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('before the guide: the vendor publishes GitLens Pro, Teams and Enterprise with per-seat prices', async () => {
    const plans = [
      { planId: 'gitlens-pro', tier: 'pro', prices: { annual: '96.00', monthly: '10.00' } },
      { planId: 'gitlens-teams', tier: 'teams', prices: { annual: '144.00' } },
      { planId: 'gitlens-enterprise', tier: 'enterprise', prices: { annual: '480.00' } },
    ];
    for (const plan of plans) {
      await api(t, vendor)
        .post('/vendors/vendor-1/plans', { product: 'GitLens', currency: 'USD', ...plan })
        .expect(201);
    }
  });

  it('"1. Create an account": registers with its own address, verifies it with the link sent to that address, signs in', async () => {
    // "Resellers should register with their own email."
    const { result: registered, mail } = await withMail(t, resellerEmail, 'Verify', () =>
      api(t).post('/resellers', { companyName: 'Acme Resale', email: resellerEmail, partnerKind: 'reseller' }).expect(201),
    );
    resellerId = registered.body.resellerId;

    // "After account creation you will need to verify your email before taking any action."
    await signInReseller();
    const tooEarly = await api(t, reseller)
      .post('/organizations', { vendorId: 'vendor-1', name: 'Globex', customerContactEmail: globexContact })
      .expect(422);
    expect(tooEarly.body.code).toBe('reseller-email-not-verified');

    // "This is done by selecting the link sent to your email."
    const token = /"token":"([A-Za-z0-9_-]+)"/.exec(mail.text)![1];
    await api(t).post(requestIn(mail, 'POST'), { token }).expect(200);
    const profile = await api(t, reseller).get(`/resellers/${resellerId}`).expect(200);
    expect(profile.body).toMatchObject({ resellerId, companyName: 'Acme Resale', status: 'verified' });
  });

  it('"Payment information: Enter reseller billing details" — card, PayPal and ACH; invoicing only for Enterprise (rule 6)', async () => {
    const card = await api(t, reseller)
      .post(`/resellers/${resellerId}/payment-methods`, { kind: 'card', label: 'Visa •••• 4242', makeDefault: true })
      .expect(201);
    cardId = card.body.paymentMethodId;
    await api(t, reseller)
      .post(`/resellers/${resellerId}/payment-methods`, { kind: 'paypal', label: 'PayPal sales@acme-resale.example' })
      .expect(201);
    await api(t, reseller).post(`/resellers/${resellerId}/payment-methods`, { kind: 'ach', label: 'ACH •••• 6789' }).expect(201);
    const invoice = await api(t, reseller)
      .post(`/resellers/${resellerId}/payment-methods`, { kind: 'invoice', label: 'Net 30' })
      .expect(201);

    const scratch = await api(t, reseller)
      .post('/organizations', { vendorId: 'vendor-1', name: 'Hooli', customerContactEmail: 'it@hooli.example' })
      .expect(201);
    const proOnInvoice = await api(t, reseller)
      .post('/subscriptions', {
        organizationId: scratch.body.organizationId,
        planId: 'gitlens-pro',
        billingPeriod: 'annual',
        seats: 3,
        customerContactEmail: 'it@hooli.example',
        paymentMethodId: invoice.body.paymentMethodId,
      })
      .expect(422);
    expect(proOnInvoice.body.code).toBe('invoicing-enterprise-only');
    // "invoicing is supported for large purchases of GitKraken Enterprise"
    const { mail } = await withMail(t, resellerEmail, 'net terms', () =>
      api(t, reseller)
        .post('/subscriptions', {
          organizationId: scratch.body.organizationId,
          planId: 'gitlens-enterprise',
          billingPeriod: 'annual',
          seats: 50,
          customerContactEmail: 'it@hooli.example',
          paymentMethodId: invoice.body.paymentMethodId,
        })
        .expect(201),
    );
    expect(totalIn(mail)).toBe('24000.00');
  });

  it('"2. Create a New Organization": selects a product and tier, and creates the organization of the customer', async () => {
    // "You will be guided through selecting a product for the customer organization, followed by a tier."
    const catalog = await api(t, reseller).get('/vendors/vendor-1/plans').expect(200);
    expect(catalog.body.plans.map((p: { planId: string; tier: string }) => [p.planId, p.tier])).toEqual(
      expect.arrayContaining([
        ['gitlens-pro', 'pro'],
        ['gitlens-teams', 'teams'],
        ['gitlens-enterprise', 'enterprise'],
      ]),
    );
    const created = await api(t, reseller)
      .post('/organizations', {
        vendorId: 'vendor-1',
        name: 'Globex',
        customerContactEmail: globexContact,
        customerContactName: 'Hank Scorpio',
      })
      .expect(201);
    globexId = created.body.organizationId;
    expect(created.headers.location).toBe(`/organizations/${globexId}`);
  });

  it('"3. Purchase": quantity, organization, "for someone else" with the customer\'s email, reseller billing; receipt to the reseller, offer to the customer', async () => {
    const seen = await mailsTo(t, globexContact);
    const { result: bought, mail: receipt } = await withMail(t, resellerEmail, 'Receipt', () =>
      api(t, reseller)
        .post('/subscriptions', {
          organizationId: globexId,
          planId: 'gitlens-pro',
          billingPeriod: 'annual',
          seats: 10,
          customerContactEmail: globexContact,
          paymentMethodId: cardId,
        })
        .expect(201),
    );
    subscriptionId = bought.body.subscriptionId;
    expect(bought.body.transferId).toEqual(expect.any(String));
    // "Once the purchase is complete you will be emailed a copy of your receipt." 10 × 96.00.
    expect(totalIn(receipt)).toBe('960.00');

    // "The customer will receive an email to accept as owner of the organization."
    const offer = await eventually(
      () => mailsTo(t, globexContact),
      (mails) => expect(mails.length).toBeGreaterThan(seen.length),
    ).then((mails) => mails.find((m) => m.subject.includes('offers you ownership'))!);
    expect(offer.subject).toBe('Acme Resale offers you ownership of Globex');
    // The receipt went to the reseller only: the customer never gets the reseller's invoice (rule 7).
    expect((await mailsTo(t, globexContact)).filter((m) => /invoice|receipt/i.test(m.subject))).toEqual([]);

    // "... and you will remain as owner until they accept it."
    await eventually(
      () => api(t, reseller).get(`/resellers/${resellerId}/customers/${globexId}`).expect(200),
      (r) =>
        expect(r.body).toMatchObject({
          owner: { kind: 'reseller', resellerId },
          transferStatus: 'pending',
          pendingTransfer: { toEmail: globexContact },
        }),
    );

    // The customer signs in with the address the offer went to and follows it.
    const customer = await signInCustomer(t, globexContact);
    const acceptance = requestIn(offer, 'POST');
    expect(acceptance).toBe(`/organizations/${globexId}/ownership-transfers/${bought.body.transferId}/acceptance`);
    await api(t, customer).post(acceptance).expect(200);

    await eventually(
      () => api(t, reseller).get(`/resellers/${resellerId}/customers/${globexId}`).expect(200),
      (r) => expect(r.body).toMatchObject({ owner: { kind: 'customer', email: globexContact }, transferStatus: 'none' }),
    );
    const own = await eventually(
      () => api(t, customer).get(`/organizations/${globexId}`),
      (r) => expect(r.status).toBe(200),
    );
    expect(own.body.owner).toEqual({ kind: 'customer', email: globexContact });
  });

  it('"If the 7 days lapse you can always reinitiate transfer ownership"', async () => {
    const created = await api(t, reseller)
      .post('/organizations', { vendorId: 'vendor-1', name: 'Initech', customerContactEmail: initechContact })
      .expect(201);
    initechId = created.body.organizationId;
    const { result: bought, mail: firstOffer } = await withMail(t, initechContact, 'offers you ownership', () =>
      api(t, reseller)
        .post('/subscriptions', {
          organizationId: initechId,
          planId: 'gitlens-teams',
          billingPeriod: 'annual',
          seats: 3,
          customerContactEmail: initechContact,
        })
        .expect(201),
    );
    lapsedTransferId = bought.body.transferId;
    const lapsedOfferExpiry = /expires at (\S+)\./.exec(firstOffer.text)![1];

    // Eight days pass on the sandbox clock; everyone signs in again (tokens expire on that clock).
    await sandboxClock.advance(t, { days: 8 });
    await signInReseller();
    const customer = await signInCustomer(t, initechContact);

    const late = await api(t, customer).post(requestIn(firstOffer, 'POST')).expect(422);
    expect(late.body.code).toBe('transfer-expired');
    expect((await api(t, customer).get('/me/ownership-offers').expect(200)).body.items).toEqual([]);
    const book = await api(t, reseller).get(`/resellers/${resellerId}/customers/${initechId}`).expect(200);
    expect(book.body).toMatchObject({ owner: { kind: 'reseller', resellerId }, transferStatus: 'expired' });

    const { result: again, mail: secondOffer } = await withMail(t, initechContact, 'offers you ownership', () =>
      api(t, reseller).post(`/organizations/${initechId}/ownership-transfers`, { toEmail: initechContact }).expect(201),
    );
    expect(again.body.transferId).not.toBe(lapsedTransferId);
    const offers = await eventually(
      () => api(t, customer).get('/me/ownership-offers').expect(200),
      (r) => expect(r.body.items).toHaveLength(1),
    );
    expect(offers.body.items[0]).toMatchObject({
      transferId: again.body.transferId,
      organizationName: 'Initech',
      offeredBy: { resellerId, companyName: 'Acme Resale' },
    });
    // "They have 7 days to accept this", counted again from the new offer.
    expect(Date.parse(offers.body.items[0].expiresAt) - Date.parse(offers.body.items[0].initiatedAt)).toBe(7 * DAY);
    expect(Date.parse(offers.body.items[0].initiatedAt)).toBeGreaterThan(Date.parse(lapsedOfferExpiry));

    await api(t, customer).post(requestIn(secondOffer, 'POST')).expect(200);
    await eventually(
      () => api(t, reseller).get(`/resellers/${resellerId}/customers/${initechId}`).expect(200),
      (r) => expect(r.body.owner).toEqual({ kind: 'customer', email: initechContact }),
    );
  });

  it('"You can add users to the organization if the customer asks you to"', async () => {
    await api(t, reseller).post(`/subscriptions/${subscriptionId}/seat-assignments`, { email: 'dev@globex.example' }).expect(201);
    const customer = await signInCustomer(t, globexContact);
    const view = await eventually(
      () => api(t, customer).get(`/organizations/${globexId}`).expect(200),
      (r) => expect(r.body.subscriptions[0].assignedTo).toEqual(['dev@globex.example']),
    );
    expect(view.body.subscriptions[0]).toMatchObject({ subscriptionId, seats: 10, seatsAssigned: 1 });
  });

  it('"Existing Organization Purchases": the Billing Summary quotes the added licenses, and "Complete Purchase" charges exactly that (rules 4, 5)', async () => {
    await sandboxClock.setTo(t, '2029-06-15T10:00:00.000Z');
    await signInReseller();

    // "2. Select the customer's organization listed in the left sidebar"
    const sidebar = await api(t, reseller).get(`/resellers/${resellerId}/customers`).expect(200);
    expect(sidebar.body.items.map((c: { name: string }) => c.name)).toEqual(['Globex', 'Hooli', 'Initech']);
    // "3. Navigate to the Subscriptions tab"
    const tab = await api(t, reseller).get(`/resellers/${resellerId}/customers/${globexId}`).expect(200);
    expect(tab.body.subscriptions).toEqual([
      expect.objectContaining({ subscriptionId, seats: 10, unitPrice: '96.00', annualTotal: '960.00' }),
    ]);

    // "4. increase total quantity of users ... 5. The Billing Summary will populate the cost"
    const quote = await api(t, reseller).post(`/subscriptions/${subscriptionId}/upgrade-quotes`, { seats: 5 }).expect(200);
    expect(quote.body).toMatchObject({ currency: 'USD', seats: 15, unitPrice: '96.00', annualTotal: '1440.00' });
    const [line] = quote.body.lines;
    // "The cost to add users to an existing account is prorated against the billing cycle of the initial purchase."
    expect(line).toMatchObject({ seats: 5, unitPrice: '96.00', remainingDays: 260, daysInPeriod: 365 });
    expect(quote.body.dueNow).toBe(prorated('96.00', 5, 260, 365));
    expect(quote.body.dueNow).toBe('341.92');
    expect(quote.body.nextChargeDate.startsWith('2030-03-02T10:00')).toBe(true);

    // "6. ... select Complete Purchase. The customer will have immediate access to the additional licenses"
    const { mail: receipt } = await withMail(t, resellerEmail, 'Receipt', () =>
      api(t, reseller).post(`/subscriptions/${subscriptionId}/seats`, { seats: 5 }).expect(200),
    );
    expect(totalIn(receipt)).toBe(quote.body.dueNow);
    const customer = await signInCustomer(t, globexContact);
    await eventually(
      () => api(t, customer).get(`/organizations/${globexId}`).expect(200),
      (r) => expect(r.body.subscriptions[0].seats).toBe(15),
    );
  });

  it('"Upgrade Quote": changing plans is quoted without buying anything', async () => {
    const before = await api(t, reseller).get(`/resellers/${resellerId}/subscriptions?organizationId=${globexId}`).expect(200);
    const quote = await api(t, reseller).post(`/subscriptions/${subscriptionId}/upgrade-quotes`, { planId: 'gitlens-teams' }).expect(200);
    expect(quote.body).toMatchObject({ plan: { planId: 'gitlens-teams' }, seats: 15, unitPrice: '144.00', annualTotal: '2160.00' });
    expect(quote.body.lines.map((l: { kind: string }) => l.kind)).toEqual(['plan-change-credit', 'plan-change-charge']);
    const after = await api(t, reseller).get(`/resellers/${resellerId}/subscriptions?organizationId=${globexId}`).expect(200);
    expect(after.body).toEqual(before.body);
  });

  it('"Renewal Quote": the Annual Total, and the renewal date listed as "Next charge"', async () => {
    const quote = await api(t, reseller).get(`/subscriptions/${subscriptionId}/renewal-quote`).expect(200);
    expect(quote.body).toMatchObject({ seats: 15, unitPrice: '96.00', annualTotal: '1440.00' });
    const listed = await eventually(
      () => api(t, reseller).get(`/resellers/${resellerId}/subscriptions?organizationId=${globexId}`).expect(200),
      (r) => expect(r.body.items[0].seats).toBe(15),
    );
    expect(listed.body.items[0]).toMatchObject({
      subscriptionId,
      annualTotal: quote.body.annualTotal,
      nextChargeDate: quote.body.nextChargeDate,
    });
    // Renewals due in the next year, as the reseller's list filters them.
    const due = await api(t, reseller).get(`/resellers/${resellerId}/subscriptions?renewsFrom=2030-03-01&renewsTo=2030-03-31`).expect(200);
    expect(due.body.items.map((s: { subscriptionId: string }) => s.subscriptionId)).toContain(subscriptionId);
  });

  it('the log: every fact names who caused it; what the reseller did for a customer is recorded on its behalf', async () => {
    const log = await expectAccountableLog(t);
    expect(log.byResellerOnCustomers).toBeGreaterThan(10);
    expect(log.covered).toEqual(['organization', 'subscription']);
  });
});
