import request from 'supertest';
import { EventStore, RecordedEvent } from '@channel-ledger/event-store';
import { EVENT_STORE } from '../../src/infrastructure/infrastructure.module';
import { MailboxMail, readMailbox } from '../mailbox';
import { signInStaff } from '../actors';
import { mailboxFiles, TestSession, waitForNewMail } from '../sign-in';
import { TestApp } from '../test-app';

/*
 * What the acceptance walks share. A walk is a person's day in the product: everything goes over
 * HTTP with that person's session, mails are read from the mailbox, and only the very last check
 * reads the event log (to prove every fact names who caused it and on whose behalf).
 */

export const DAY = 86_400_000;

/** Calls as one signed-in person (or anonymously): what their browser would send. */
export function api(t: TestApp, session?: TestSession) {
  const auth = session ? session.auth : {};
  return {
    get: (path: string) => request(t.http).get(path).set(auth),
    post: (path: string, body: object = {}) => request(t.http).post(path).set(auth).send(body),
    put: (path: string, body: object = {}) => request(t.http).put(path).set(auth).send(body),
    patch: (path: string, body: object = {}) => request(t.http).patch(path).set(auth).send(body),
    delete: (path: string) => request(t.http).delete(path).set(auth),
  };
}

/** Runs `action` and returns it with the first mail to `to` (subject containing `subject`) it caused. */
export async function withMail<T>(
  t: TestApp,
  to: string,
  subject: string,
  action: () => Promise<T>,
): Promise<{ result: T; mail: MailboxMail }> {
  const seen = await mailboxFiles(t);
  const result = await action();
  return { result, mail: await waitForNewMail(t, to, seen, subject) };
}

/** Every mail the address received so far. */
export async function mailsTo(t: TestApp, to: string): Promise<MailboxMail[]> {
  return (await readMailbox(t.mailboxDir)).filter((m) => m.to.toLowerCase() === to.toLowerCase());
}

/** The request a mail tells its reader to make, e.g. `POST /organizations/…/acceptance`. */
export function requestIn(mail: MailboxMail, method: 'POST' | 'GET'): string {
  const path = new RegExp(`^${method} (/\\S+)`, 'm').exec(mail.text)?.[1];
  if (!path) throw new Error(`no "${method} /…" line in the mail "${mail.subject}":\n${mail.text}`);
  return path;
}

/** The invoice total a receipt mail states (`Total: 960.00 USD`). */
export function totalIn(mail: MailboxMail): string {
  const total = /Total: (\d+\.\d{2}) [A-Z]{3}/.exec(mail.text)?.[1];
  if (!total) throw new Error(`no total in the mail "${mail.subject}":\n${mail.text}`);
  return total;
}

/**
 * Read models follow the log: like a person refreshing the page, read again until the answer
 * shows what was just done (or give up after `timeoutMs` with the last failure).
 */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => void, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    try {
      check(value);
      return value;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * The sandbox clock, moved by the operator over HTTP. Access tokens expire on the ledger clock,
 * so everyone signs in again afterwards.
 */
export const sandboxClock = {
  async setTo(t: TestApp, now: string): Promise<string> {
    const operator = await signInStaff(t, 'operator');
    return (await api(t, operator).put('/sandbox/clock', { now }).expect(200)).body.now;
  },
  async advance(t: TestApp, by: { days?: number; hours?: number; minutes?: number }): Promise<string> {
    const operator = await signInStaff(t, 'operator');
    return (await api(t, operator).post('/sandbox/clock/advance', by).expect(200)).body.now;
  },
};

/** The whole log, oldest first. */
export async function everyEvent(t: TestApp): Promise<RecordedEvent[]> {
  const store = t.app.get<EventStore>(EVENT_STORE);
  const events: RecordedEvent[] = [];
  let after: bigint | null = null;
  for (;;) {
    const page = await store.readAll({ after, limit: 500 });
    events.push(...page.events);
    if (page.isEnd || page.events.length === 0) return events;
    after = page.lastPosition;
  }
}

const describeEvent = (e: RecordedEvent) =>
  `${e.streamId}@${e.revision} ${e.type} actor=${JSON.stringify(e.metadata.actor)} onBehalfOf=${JSON.stringify(e.metadata.onBehalfOf)}`;

/**
 * DESIGN §1: every event names the principal that caused it, and a reseller acting on its
 * customer's organization, subscriptions or licenses records on whose behalf. Returns the
 * offending events so the walk's expectation lists them by name.
 */
export function accountability(events: readonly RecordedEvent[]) {
  // Which organization each subscription and license belongs to, from the event that opened it.
  const organizationOf = new Map<string, string | null>();
  for (const e of events) {
    if (e.streamId.startsWith('organization-')) organizationOf.set(e.streamId, e.streamId.slice('organization-'.length));
    if (organizationOf.has(e.streamId)) continue;
    if (e.streamId.startsWith('subscription-') || e.streamId.startsWith('license-')) {
      const organizationId = (e.data as { organizationId?: unknown }).organizationId;
      organizationOf.set(e.streamId, typeof organizationId === 'string' ? organizationId : null);
    }
  }
  const anonymous = events
    .filter((e) => !e.metadata.actor || e.metadata.actor.kind === 'anonymous' || !e.metadata.actor.id)
    .map(describeEvent);
  const byResellerOnCustomers = events.filter((e) => e.metadata.actor?.kind === 'reseller' && organizationOf.get(e.streamId));
  const notOnBehalf = byResellerOnCustomers
    .filter((e) => {
      const party = e.metadata.onBehalfOf;
      return !(party && party.kind === 'organization' && party.id === organizationOf.get(e.streamId));
    })
    .map(describeEvent);
  // Which kinds of stream the on-behalf check actually covered, so a walk can show it is not vacuous.
  const covered = [...new Set(byResellerOnCustomers.map((e) => e.streamId.slice(0, e.streamId.indexOf('-'))))].sort();
  return { anonymous, notOnBehalf, byResellerOnCustomers: byResellerOnCustomers.length, covered, total: events.length };
}

/** The end of every walk: nobody anonymous, resellers always on their customer's behalf. */
export async function expectAccountableLog(t: TestApp): Promise<ReturnType<typeof accountability>> {
  const log = accountability(await everyEvent(t));
  expect(log.anonymous).toEqual([]);
  expect(log.notOnBehalf).toEqual([]);
  return log;
}

/** Whole-cent arithmetic for DESIGN §4: unitPrice × seats × days / daysInPeriod, rounded half-even once. */
export function prorated(unitPrice: string, seats: number, remainingDays: number, daysInPeriod: number): string {
  const cents = BigInt(unitPrice.replace('.', '')) * BigInt(seats) * BigInt(remainingDays);
  const divisor = BigInt(daysInPeriod);
  let quotient = cents / divisor;
  const twiceRemainder = (cents % divisor) * 2n;
  if (twiceRemainder > divisor || (twiceRemainder === divisor && quotient % 2n === 1n)) quotient += 1n;
  const text = quotient.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}
