import request from 'supertest';
import { PaymentProvider } from '@channel-ledger/application';
import { organizationStream, subscriptionStream } from '@channel-ledger/domain';
import { RecordedEvent } from '@channel-ledger/event-store';
import { ProcessManager } from '@channel-ledger/processes';
import { signInStaff } from '../../test/actors';
import { readMailbox, waitForMail } from '../../test/mailbox';
import { signIn, TestSession } from '../../test/sign-in';
import { startTestApp, TestApp } from '../../test/test-app';
import {
  customerOrganization,
  eventsOf,
  PRO,
  publishCatalog,
  resellerWithCard,
  TestReseller,
} from '../subscriptions/subscriptions.fixtures';
import { PAYMENT_PROVIDER, PROCESS_MANAGER } from './processes.tokens';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const plus = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();
/** Later than the wall clock, so the sandbox clock only ever moves forward from here. */
const T0 = '2027-03-02T10:00:00.000Z';

/**
 * The "Done when", over HTTP with the sandbox test clock: an ownership offer left alone
 * lapses (event, mails), auto-renewal charges the renewal quote at term end, a declined card goes
 * through the dunning schedule and lapses, reminders arrive once each, and GET /projections shows
 * the processes (a failing step stops its process alone until an operator retries it).
 */
describe('time moves the business: processes that follow the log (sandbox test clock)', () => {
  jest.setTimeout(60_000);
  let t: TestApp;
  let processes: ProcessManager;
  let acme: TestReseller;
  let globexId: string;
  let subscriptionId: string;
  let transferId: string;
  let termEnd: string;

  /** Moves the sandbox clock; access tokens follow it, so the reseller signs in again. */
  const moveClockTo = async (iso: string, reseller: TestReseller = acme) => {
    t.clock.setTo(new Date(iso));
    reseller.session = await signIn(t, reseller.email, { role: 'reseller', tenantId: reseller.resellerId });
  };
  /** Takes whatever is due now (the ticker would within a poll; this makes the test deterministic). */
  const runDue = () => processes.runDue();
  const mailsTo = async (to: string, subject: string) =>
    (await readMailbox(t.mailboxDir)).filter((m) => m.to === to && m.subject.includes(subject));
  const as = (session: TestSession) => ({
    put: (path: string, body: object) => request(t.http).put(path).set(session.auth).send(body),
    get: (path: string) => request(t.http).get(path).set(session.auth),
    post: (path: string, body: object = {}) => request(t.http).post(path).set(session.auth).send(body),
  });
  const systemEvents = (events: RecordedEvent[]) => events.filter((e) => e.metadata.actor.kind === 'system');

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.setTo(new Date(T0));
    processes = t.app.get<ProcessManager>(PROCESS_MANAGER);
    await publishCatalog(t);
    acme = await resellerWithCard(t, 'Acme Resale', 'sales@acme.example');
    globexId = await customerOrganization(t, acme.resellerId, { name: 'Globex', contact: 'it@globex.example' });
  });
  afterAll(() => t.close());

  it('lapses an ownership offer left alone for 7 days: recorded by the system at the due time, the reseller told by mail, the contact reminded once a day before', async () => {
    const bought = await as(acme.session)
      .post('/subscriptions', {
        organizationId: globexId,
        planId: PRO,
        billingPeriod: 'annual',
        seats: 10,
        customerContactEmail: 'it@globex.example',
      })
      .expect(201);
    ({ subscriptionId, transferId } = bought.body);
    const offer = (await eventsOf(t, organizationStream(globexId))).at(-1)!;
    const expiresAt = String(offer.data.expiresAt);
    termEnd = String((await eventsOf(t, subscriptionStream(subscriptionId)))[0].data.periodEnd);

    await moveClockTo(plus(expiresAt, -23 * HOUR));
    await runDue();
    const reminder = await waitForMail(t.mailboxDir, 'it@globex.example', 'lapses in 24 hours');
    expect(reminder.text).toContain(`POST /organizations/${globexId}/ownership-transfers/${transferId}/acceptance`);

    await moveClockTo(plus(expiresAt, HOUR));
    await runDue();
    const lapsed = await waitForMail(t.mailboxDir, 'sales@acme.example', 'The ownership offer for Globex lapsed');
    expect(lapsed.text).toContain('it@globex.example did not accept ownership of Globex');

    const recorded = systemEvents(await eventsOf(t, organizationStream(globexId)));
    expect(recorded.map((e) => [e.type, e.metadata.actor.id, e.metadata.occurredAt])).toEqual([
      ['OwnershipTransferReminded', 'reminders', plus(expiresAt, -24 * HOUR)],
      ['OwnershipTransferExpired', 'ownership-offer-expiry', expiresAt],
    ]);
    expect(recorded[1].data).toMatchObject({ transferId, expiresAt, toEmail: 'it@globex.example' });

    // Once each, however often the processes look.
    await runDue();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await mailsTo('it@globex.example', 'lapses in 24 hours')).toHaveLength(1);
    expect(await mailsTo('sales@acme.example', 'lapsed')).toHaveLength(1);
    expect(systemEvents(await eventsOf(t, organizationStream(globexId)))).toHaveLength(2);

    // Rule 3: the reseller offers again.
    await as(acme.session).post(`/organizations/${globexId}/ownership-transfers`, { toEmail: 'it@globex.example' }).expect(201);
  });

  it('turns auto-renewal on (reseller only), reminds 30 and 7 days before once each, and renews at term end for the renewal quote given a week before', async () => {
    const on = await as(acme.session).put(`/subscriptions/${subscriptionId}/auto-renewal`, { enabled: true }).expect(200);
    expect(on.body).toEqual({ subscriptionId, autoRenewal: true, nextChargeDate: termEnd, commandId: expect.any(String), revision: '2' });
    expect(on.headers.location).toBe(`/subscriptions/${subscriptionId}`);
    const again = await as(acme.session).put(`/subscriptions/${subscriptionId}/auto-renewal`, { enabled: true }).expect(200);
    expect(again.body).toMatchObject({ autoRenewal: true, revision: null });
    expect((await as(acme.session).put(`/subscriptions/${subscriptionId}/auto-renewal`, { enabled: 'yes' }).expect(400)).body.code).toBe(
      'invalid-input',
    );
    const stranger = await resellerWithCard(t, 'Initech Partners', 'buy@initech.example');
    expect(
      (await as(stranger.session).put(`/subscriptions/${subscriptionId}/auto-renewal`, { enabled: false }).expect(404)).body.code,
    ).toBe('subscription-not-found');
    const support = await signInStaff(t, 'support');
    expect((await as(support).put(`/subscriptions/${subscriptionId}/auto-renewal`, { enabled: false }).expect(403)).body.code).toBe(
      'forbidden-for-role',
    );

    await moveClockTo(plus(termEnd, -30 * DAY + HOUR));
    await runDue();
    const thirty = await waitForMail(t.mailboxDir, 'sales@acme.example', 'Globex: subscription renews in 30 days');
    expect(thirty.text).toContain('10 seats × 96.00 USD');
    expect(thirty.text).toContain('Auto-renewal is on');

    await moveClockTo(plus(termEnd, -7 * DAY + HOUR));
    const quote = await as(acme.session).get(`/subscriptions/${subscriptionId}/renewal-quote`).expect(200);
    expect(quote.body).toMatchObject({ nextChargeDate: termEnd, periodTotal: '960.00' });
    await runDue();
    await waitForMail(t.mailboxDir, 'sales@acme.example', 'Globex: subscription renews in 7 days');

    await moveClockTo(plus(termEnd, HOUR));
    await runDue();
    const receipt = await waitForMail(t.mailboxDir, 'sales@acme.example', `Receipt for invoice ${subscriptionId}-2`);
    expect(receipt.text).toContain(`Total: ${quote.body.periodTotal} USD`);

    const [renewed, invoice] = (await eventsOf(t, subscriptionStream(subscriptionId))).filter(
      (e) => e.type === 'SubscriptionRenewed' || e.data.reason === 'renewal',
    );
    expect(renewed).toMatchObject({
      data: { periodStart: quote.body.periodStart, periodEnd: quote.body.periodEnd, seats: 10, renewedAt: termEnd },
      metadata: {
        actor: { kind: 'system', id: 'subscription-renewal' },
        occurredAt: termEnd,
        onBehalfOf: { kind: 'organization', id: globexId },
      },
    });
    expect(invoice.data).toMatchObject({
      total: quote.body.periodTotal,
      lines: quote.body.lines,
      issuedTo: { kind: 'reseller', id: acme.resellerId },
      payment: { methodId: acme.cardId, kind: 'card', terms: 'charged-immediately', chargeId: expect.stringMatching(/^ch_sandbox_/) },
    });

    await runDue();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await mailsTo('sales@acme.example', 'Globex: subscription renews in 30 days')).toHaveLength(1);
    expect(await mailsTo('sales@acme.example', 'Globex: subscription renews in 7 days')).toHaveLength(1);
    expect(await mailsTo('sales@acme.example', `Receipt for invoice ${subscriptionId}-2`)).toHaveLength(1);
    const reminded = systemEvents(await eventsOf(t, subscriptionStream(subscriptionId))).filter((e) => e.type === 'RenewalReminded');
    expect(reminded.map((e) => [e.data.daysBefore, e.metadata.occurredAt])).toEqual([
      [30, plus(termEnd, -30 * DAY)],
      [7, plus(termEnd, -7 * DAY)],
    ]);
  });

  it('takes a declined card through the retry schedule (1, 3 and 7 days) and lets the subscription lapse, telling the reseller each time', async () => {
    const bravo = await resellerWithCard(t, 'Bravo Resale', 'sales@bravo.example');
    const card = await as(bravo.session)
      .post(`/resellers/${bravo.resellerId}/payment-methods`, { kind: 'card', label: 'Visa •••• 0002 (decline)', makeDefault: true })
      .expect(201);
    const umbrellaId = await customerOrganization(t, bravo.resellerId, { name: 'Umbrella', contact: 'it@umbrella.example' });
    const bought = await as(bravo.session)
      .post('/subscriptions', {
        organizationId: umbrellaId,
        planId: PRO,
        billingPeriod: 'annual',
        seats: 2,
        customerContactEmail: 'it@umbrella.example',
      })
      .expect(201);
    const id: string = bought.body.subscriptionId;
    await as(bravo.session).put(`/subscriptions/${id}/auto-renewal`, { enabled: true }).expect(200);
    const end = String((await eventsOf(t, subscriptionStream(id)))[0].data.periodEnd);

    await moveClockTo(plus(end, 8 * DAY), bravo);
    await runDue();
    const ended = await waitForMail(t.mailboxDir, 'sales@bravo.example', 'Umbrella: the subscription ended');
    expect(ended.text).toContain('the renewal charge was declined on every attempt');

    const recorded = systemEvents(await eventsOf(t, subscriptionStream(id))).filter((e) => e.type !== 'RenewalReminded');
    expect(recorded.map((e) => [e.type, e.metadata.occurredAt, e.data.attempt ?? e.data.reason])).toEqual([
      ['RenewalChargeFailed', end, 1],
      ['RenewalChargeFailed', plus(end, DAY), 2],
      ['RenewalChargeFailed', plus(end, 3 * DAY), 3],
      ['RenewalChargeFailed', plus(end, 7 * DAY), 4],
      ['SubscriptionExpired', plus(end, 7 * DAY), 'payment-failed'],
    ]);
    expect(recorded[0].data).toMatchObject({
      amount: '192.00',
      paymentMethod: { id: card.body.paymentMethodId, kind: 'card' },
      declineCode: 'card-declined',
      nextAttemptAt: plus(end, DAY),
    });
    expect(recorded[4].data).toMatchObject({ expiredAt: end, reason: 'payment-failed' });
    for (const attempt of [1, 2, 3])
      await waitForMail(t.mailboxDir, 'sales@bravo.example', `the renewal charge was declined (attempt ${attempt})`);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await mailsTo('sales@bravo.example', 'the renewal charge was declined')).toHaveLength(3);
    expect(await mailsTo('sales@bravo.example', 'the subscription ended')).toHaveLength(1);
    // The lapse is a fact like any other: nothing more is sold on it.
    expect((await as(bravo.session).post(`/subscriptions/${id}/seats`, { seats: 1 }).expect(422)).body.code).toBe('subscription-expired');
  });

  it('shows each process in GET /projections; a failing step stops its process alone with its reason until an operator retries it', async () => {
    const payments = t.app.get<PaymentProvider>(PAYMENT_PROVIDER);
    const charge = payments.charge.bind(payments);
    payments.charge = async () => {
      throw new Error('payment gateway unreachable');
    };
    try {
      // Globex renews every year as the clock moves on; its next term end is the end of its latest period.
      const current = (await eventsOf(t, subscriptionStream(subscriptionId))).filter((e) => e.type === 'SubscriptionRenewed').at(-1)!;
      const nextEnd = String(current.data.periodEnd);
      await moveClockTo(plus(nextEnd, HOUR));
      await runDue();
      const operator = await signInStaff(t, 'operator');
      const status = await as(operator).get('/projections').expect(200);
      expect(status.body.projections.length).toBeGreaterThan(0);
      const byName = Object.fromEntries(status.body.processes.map((p: { name: string }) => [p.name, p]));
      expect(Object.keys(byName).sort()).toEqual(['issuance-right-expiry', 'ownership-offer-expiry', 'reminders', 'subscription-renewal']);
      expect(byName['subscription-renewal']).toMatchObject({
        state: 'failed',
        lag: '0',
        nextDueAt: nextEnd,
        failure: {
          itemId: `subscription-renewal|term-end|${subscriptionId}`,
          step: 'term-end',
          dueAt: nextEnd,
          reason: 'Error: payment gateway unreachable',
        },
      });
      // The others go on: the reminders before that term end were recorded.
      expect(byName.reminders).toMatchObject({ state: 'running', lastStep: { step: 'remind-renewal', events: ['RenewalReminded'] } });
      expect(byName.reminders.failure).toBeUndefined();
      expect(byName['ownership-offer-expiry']).toMatchObject({ state: 'running', position: status.body.processes[0].position });

      payments.charge = charge;
      expect((await as(operator).post('/processes/no-such-process/retry').expect(404)).body.code).toBe('process-not-found');
      const retried = await as(operator).post('/processes/subscription-renewal/retry').expect(202);
      expect(retried.body).toMatchObject({ name: 'subscription-renewal', state: 'running' });
      await runDue();
      const renewals = (await eventsOf(t, subscriptionStream(subscriptionId))).filter((e) => e.type === 'SubscriptionRenewed');
      expect(renewals.at(-1)!.data).toMatchObject({ periodStart: nextEnd, renewedAt: nextEnd });
      expect(renewals.at(-1)!.metadata.commandId).toBe(byName['subscription-renewal'].failure.commandId);
      const after = (await as(operator).get('/projections').expect(200)).body.processes.find(
        (p: { name: string }) => p.name === 'subscription-renewal',
      );
      expect(after).toMatchObject({
        state: 'running',
        lastStep: { step: 'term-end', events: ['SubscriptionRenewed', 'InvoiceIssued'], appended: true },
      });
    } finally {
      payments.charge = charge;
    }
  });
});
