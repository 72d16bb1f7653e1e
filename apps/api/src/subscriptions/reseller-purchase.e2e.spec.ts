import request from 'supertest';
import { organizationStream, subscriptionStream } from '@channel-ledger/domain';
import { signIn, TestSession } from '../../test/sign-in';
import { startTestApp, TestApp } from '../../test/test-app';
import { customerOrganization, eventsOf, publishCatalog, PRO, resellerWithCard, TEAMS, TestReseller } from './subscriptions.fixtures';

const DAY = 86_400_000;

/**
 * Seed 000, the reseller guide: buy for someone else (the customer is offered ownership at once),
 * add seats on an existing organization for what the Billing Summary quoted, quote the renewal
 * (annual total, next charge), renew, cancel.
 */
describe('subscriptions bought by a reseller for its customer (seed 000)', () => {
  let t: TestApp;
  let acme: TestReseller;
  let globexId: string;
  let subscriptionId: string;
  let purchaseCommandId: string;
  /** The end of the first paid year: the clock keeps running, so read from the purchase. */
  let paidThrough: string;
  const yearAfter = (instant: string) => instant.replace(/^(\d{4})/, (y) => String(Number(y) + 1));

  const as = (session: TestSession) => ({
    post: (path: string, body: object = {}) => request(t.http).post(path).set(session.auth).send(body),
    get: (path: string) => request(t.http).get(path).set(session.auth),
    delete: (path: string) => request(t.http).delete(path).set(session.auth),
  });
  /** Access tokens follow the ledger clock: after moving it, sign in again. */
  const moveClockTo = async (iso: string) => {
    t.clock.setTo(new Date(iso));
    acme.session = await signIn(t, acme.email, { role: 'reseller', tenantId: acme.resellerId });
  };
  const buy = (body: object = {}, headers: Record<string, string> = {}) =>
    as(acme.session)
      .post('/subscriptions', {
        organizationId: globexId,
        planId: PRO,
        billingPeriod: 'annual',
        seats: 10,
        customerContactEmail: 'it@globex.example',
        ...body,
      })
      .set(headers);

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.setTo(new Date('2026-03-02T10:00:00.000Z'));
    await publishCatalog(t);
    acme = await resellerWithCard(t, 'Acme Resale', 'sales@acme.example');
    globexId = await customerOrganization(t, acme.resellerId, { name: 'Globex', contact: 'it@globex.example' });
  });
  afterAll(() => t.close());

  it('buys for the customer and, in the same request, offers the customer contact ownership for 7 days (rule 2)', async () => {
    const bought = await buy({}, { 'Idempotency-Key': 'globex-first-purchase' }).expect(201);
    ({ subscriptionId, commandId: purchaseCommandId } = bought.body);
    expect(bought.body).toEqual({
      subscriptionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      invoiceId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      transferId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      commandId: expect.any(String),
      revision: '1',
    });
    expect(bought.headers.location).toBe(`/subscriptions/${subscriptionId}`);

    const recorded = await eventsOf(t, subscriptionStream(subscriptionId));
    expect(recorded.map((e) => e.type)).toEqual(['SubscriptionPurchased', 'InvoiceIssued']);
    for (const event of recorded) {
      expect(event.metadata).toMatchObject({
        actor: { kind: 'reseller', id: acme.resellerId },
        onBehalfOf: { kind: 'organization', id: globexId },
        commandId: purchaseCommandId,
      });
    }
    paidThrough = (recorded[0].data as { periodEnd: string }).periodEnd;
    expect(paidThrough).toMatch(/^2027-03-02T10:00:0/);
    // Rule 7: the reseller is invoiced, 10 seats × 96.00, charged to its default card.
    expect(recorded[1].data).toMatchObject({
      total: '960.00',
      issuedTo: { kind: 'reseller', id: acme.resellerId },
      payment: { methodId: acme.cardId, kind: 'card' },
    });

    const offer = (await eventsOf(t, organizationStream(globexId))).at(-1)!;
    expect(offer.type).toBe('OwnershipTransferInitiated');
    expect(offer.data).toMatchObject({
      transferId: bought.body.transferId,
      toEmail: 'it@globex.example',
    });
    const { initiatedAt, expiresAt } = offer.data as { initiatedAt: string; expiresAt: string };
    expect(Date.parse(expiresAt) - Date.parse(initiatedAt)).toBe(7 * DAY);
    expect(offer.metadata).toMatchObject({ causationId: purchaseCommandId, onBehalfOf: { kind: 'organization', id: globexId } });
  });

  it('answers a retried purchase from the log: the same subscription and offer, nothing recorded twice', async () => {
    const before = (await eventsOf(t, organizationStream(globexId))).length;
    const retried = await buy({}, { 'Idempotency-Key': 'globex-first-purchase' }).expect(201);
    expect(retried.body).toMatchObject({ subscriptionId, commandId: purchaseCommandId, revision: '1' });
    expect(retried.body.transferId).toEqual(expect.any(String));
    expect(await eventsOf(t, subscriptionStream(subscriptionId))).toHaveLength(2);
    expect(await eventsOf(t, organizationStream(globexId))).toHaveLength(before);
  });

  it('does not open a second offer while one is open (rule 3: at most one)', async () => {
    const again = await buy({ seats: 2 }).expect(201);
    expect(again.body.transferId).toBeNull();
  });

  it('adds seats mid-term for exactly what the upgrade quote said just before (rules 4, 5)', async () => {
    await moveClockTo('2026-06-15T10:00:00.000Z');
    const before = await eventsOf(t, subscriptionStream(subscriptionId));
    const quote = await as(acme.session).post(`/subscriptions/${subscriptionId}/upgrade-quotes`, { seats: 5 }).expect(200);
    expect(quote.body).toMatchObject({ currency: 'USD', seats: 15, annualTotal: '1440.00', nextChargeDate: paidThrough });
    // A quote records nothing.
    expect(await eventsOf(t, subscriptionStream(subscriptionId))).toHaveLength(before.length);

    const added = await as(acme.session).post(`/subscriptions/${subscriptionId}/seats`, { seats: 5 }).expect(200);
    expect(added.body).toEqual({ subscriptionId, invoiceId: expect.any(String), commandId: expect.any(String), revision: '3' });
    const [seats, invoice] = (await eventsOf(t, subscriptionStream(subscriptionId))).slice(before.length);
    expect(seats.data).toMatchObject({ seatsBefore: 10, seatsAdded: 5, seatsAfter: 15 });
    expect(invoice.data).toMatchObject({ reason: 'added-seats', invoiceId: added.body.invoiceId, total: quote.body.dueNow });
    // 5 seats × 96.00 × 260 days left of 365, rounded half-even once.
    expect(quote.body.dueNow).toBe('341.92');
    expect(invoice.metadata.onBehalfOf).toEqual({ kind: 'organization', id: globexId });
  });

  it('quotes a plan upgrade without buying it', async () => {
    const quote = await as(acme.session).post(`/subscriptions/${subscriptionId}/upgrade-quotes`, { planId: TEAMS }).expect(200);
    expect(quote.body).toMatchObject({ plan: { planId: TEAMS }, seats: 15, unitPrice: '144.00', annualTotal: '2160.00' });
    expect(quote.body.lines.map((l: { kind: string }) => l.kind)).toEqual(['plan-change-credit', 'plan-change-charge']);
  });

  it('assigns seats to people and takes them back', async () => {
    const assigned = await as(acme.session)
      .post(`/subscriptions/${subscriptionId}/seat-assignments`, { email: ' Dev@Globex.example ' })
      .expect(201);
    expect(assigned.body).toMatchObject({ subscriptionId, email: 'dev@globex.example', revision: '4' });
    expect(assigned.headers.location).toBe(`/subscriptions/${subscriptionId}/seat-assignments/dev%40globex.example`);
    const twice = await as(acme.session)
      .post(`/subscriptions/${subscriptionId}/seat-assignments`, { email: 'dev@globex.example' })
      .expect(422);
    expect(twice.body.code).toBe('seat-already-assigned');

    await as(acme.session).delete(`/subscriptions/${subscriptionId}/seat-assignments/dev%40globex.example`).expect(200);
    const gone = await as(acme.session).delete(`/subscriptions/${subscriptionId}/seat-assignments/dev%40globex.example`).expect(422);
    expect(gone.body.code).toBe('seat-not-assigned');
  });

  it('upgrades the plan at once, and leaves a downgrade for the renewal', async () => {
    const other = await buy({ seats: 3 }).expect(201);
    const upgraded = await as(acme.session).post(`/subscriptions/${other.body.subscriptionId}/plan-change`, { planId: TEAMS }).expect(200);
    const invoice = (await eventsOf(t, subscriptionStream(other.body.subscriptionId))).at(-1)!;
    expect(invoice.data).toMatchObject({ invoiceId: upgraded.body.invoiceId, reason: 'plan-change' });
    const down = await as(acme.session).post(`/subscriptions/${other.body.subscriptionId}/plan-change`, { planId: PRO }).expect(422);
    expect(down.body.code).toBe('downgrade-at-renewal-only');
  });

  it('quotes the renewal (annual total, next charge date), renews for what it quoted, then cancels at the end of the paid time', async () => {
    const quote = await as(acme.session).get(`/subscriptions/${subscriptionId}/renewal-quote`).expect(200);
    expect(quote.body).toMatchObject({
      seats: 15,
      unitPrice: '96.00',
      periodTotal: '1440.00',
      annualTotal: '1440.00',
      nextChargeDate: paidThrough,
      periodStart: paidThrough,
      periodEnd: yearAfter(paidThrough),
    });
    const fewer = await as(acme.session).get(`/subscriptions/${subscriptionId}/renewal-quote?seats=12`).expect(200);
    expect(fewer.body).toMatchObject({ seats: 12, annualTotal: '1152.00' });

    const renewed = await as(acme.session).post(`/subscriptions/${subscriptionId}/renewal`, {}).expect(200);
    const [period, invoice] = (await eventsOf(t, subscriptionStream(subscriptionId))).slice(-2);
    expect(period.data).toMatchObject({ periodStart: quote.body.periodStart, periodEnd: quote.body.periodEnd, seats: 15 });
    expect(invoice.data).toMatchObject({ invoiceId: renewed.body.invoiceId, reason: 'renewal', total: quote.body.periodTotal });

    const ahead = await as(acme.session).get(`/subscriptions/${subscriptionId}/renewal-quote`).expect(422);
    expect(ahead.body.code).toBe('already-renewed');

    const cancelled = await as(acme.session)
      .post(`/subscriptions/${subscriptionId}/cancellation`, { reason: 'Moving to the vendor' })
      .expect(200);
    expect(cancelled.body).toMatchObject({ subscriptionId, effectiveAt: yearAfter(paidThrough) });
    expect((await as(acme.session).post(`/subscriptions/${subscriptionId}/cancellation`).expect(422)).body.code).toBe('already-cancelled');
    expect((await as(acme.session).post(`/subscriptions/${subscriptionId}/seats`, { seats: 1 }).expect(422)).body.code).toBe(
      'subscription-cancelled',
    );
  });

  it('names every wrong field, and refuses absurd seat counts before they reach an invoice', async () => {
    const wrong = await buy({ seats: 100_001, billingPeriod: 'weekly', discount: 10 }).expect(400);
    expect(wrong.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['billingPeriod', 'discount', 'seats']);
    const seats = await as(acme.session).post(`/subscriptions/${subscriptionId}/seats`, { seats: 0 }).expect(400);
    expect(seats.body.code).toBe('invalid-input');
    const badId = await as(acme.session)
      .post(`/subscriptions/${'x'.repeat(101)}/seats`, { seats: 1 })
      .expect(400);
    expect(badId.body.errors).toEqual([{ field: 'path:subscriptionId', messages: [expect.any(String)] }]);
    expect((await as(acme.session).post('/subscriptions/no-such-subscription/seats', { seats: 1 }).expect(404)).body.code).toBe(
      'subscription-not-found',
    );
    const badEmail = await as(acme.session).delete(`/subscriptions/${subscriptionId}/seat-assignments/not-an-address`).expect(400);
    expect(badEmail.body.errors[0].field).toBe('path:email');
  });
});
