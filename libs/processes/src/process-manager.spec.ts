import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandPipeline, LedgerContext, PaymentProvider, SandboxPaymentProvider } from '@channel-ledger/application';
import {
  isViolation,
  issuanceRightStream,
  licenseStream,
  organizationStream,
  quoteRenewal,
  subscriptionStream,
} from '@channel-ledger/domain';
import { EventStore, openSqliteEventStore, RecordedEvent } from '@channel-ledger/event-store';
import { openSqliteReadStore, ReadStore } from '@channel-ledger/read-store';
import { ProcessManager } from './process-manager';
import { LedgerScenario, ManualClock, plus } from './testing/ledger-scenario';

// Business times in the past of the wall clock, so "recorded" (the store's time) always comes after "occurred".
const T0 = '2025-03-01T09:00:00.000Z';

describe('the time-driven processes (library, on the embedded SQLite store)', () => {
  let dir: string;
  let eventStore: EventStore;
  let readStore: ReadStore;
  let scenario: LedgerScenario;
  let clock: ManualClock;
  const managers: ProcessManager[] = [];

  const newManager = (payments: PaymentProvider = new SandboxPaymentProvider()) => {
    const manager = new ProcessManager({
      eventStore,
      readStore,
      ledger: new LedgerContext(eventStore, new CommandPipeline(eventStore)),
      payments,
      clock,
      autoRun: false,
      logger: process.env.DEBUG_PROCESSES ? { log: console.log, error: console.error } : undefined,
    });
    managers.push(manager);
    return manager;
  };
  const stream = (id: string) => eventStore.readStream(id);
  const byType = (events: RecordedEvent[], type: string) => events.filter((e) => e.type === type);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'processes-'));
    eventStore = await openSqliteEventStore({ path: join(dir, 'ledger.sqlite') });
    readStore = await openSqliteReadStore({ path: join(dir, 'ledger.sqlite') });
    scenario = new LedgerScenario(eventStore);
    clock = new ManualClock(new Date(T0));
    await scenario.catalog(T0);
    await scenario.reseller('acme', T0, { id: 'card-acme', label: 'Visa •••• 4242' });
  });
  afterEach(async () => {
    for (const manager of managers.splice(0)) await manager.stop();
    await readStore.close();
    await eventStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lapses an ownership offer left alone for 7 days, reminding the contact a day before, as the system at the due times', async () => {
    await scenario.organization('o1', 'acme', T0);
    await scenario.offer('o1', 'acme', 't1', T0);
    const manager = newManager();
    await manager.start();

    clock.setTo(plus(T0, 5));
    expect(await manager.runDue()).toEqual([]);

    clock.setTo(plus(T0, 6, 3));
    expect((await manager.runDue()).map((s) => [s.process, s.step, s.dueAt, s.events])).toEqual([
      ['reminders', 'remind-offer', plus(T0, 6), ['OwnershipTransferReminded']],
    ]);
    clock.setTo(plus(T0, 7, 1));
    expect((await manager.runDue()).map((s) => [s.process, s.step, s.dueAt, s.events])).toEqual([
      ['ownership-offer-expiry', 'lapse-offer', plus(T0, 7), ['OwnershipTransferExpired']],
    ]);
    expect(await manager.runDue()).toEqual([]);

    const [reminded, expired] = (await stream(organizationStream('o1'))).slice(-2);
    expect(reminded).toMatchObject({
      type: 'OwnershipTransferReminded',
      data: { transferId: 't1', toEmail: 'owner@o1.example', expiresAt: plus(T0, 7) },
      metadata: { actor: { kind: 'system', id: 'reminders' }, occurredAt: plus(T0, 6), onBehalfOf: { kind: 'organization', id: 'o1' } },
    });
    expect(expired).toMatchObject({
      type: 'OwnershipTransferExpired',
      data: { transferId: 't1', expiresAt: plus(T0, 7), recordedAt: plus(T0, 7) },
      metadata: { actor: { kind: 'system', id: 'ownership-offer-expiry' }, occurredAt: plus(T0, 7) },
    });
    // Business time is the due time; recorded time is the store's, later.
    expect(Date.parse(expired.metadata.recordedAt)).toBeGreaterThan(Date.parse(expired.metadata.occurredAt));

    // Rule 3: the reseller may offer again; the new offer is scheduled afresh.
    await scenario.offer('o1', 'acme', 't2', plus(T0, 8));
    clock.setTo(plus(T0, 15, 1));
    expect((await manager.runDue()).map((s) => s.itemId)).toEqual([
      'reminders|remind-offer|o1/t2',
      'ownership-offer-expiry|lapse-offer|o1/t2',
    ]);
  });

  it('renews at term end for the quote given a week before, takes a declined card through the dunning schedule to a lapse, expires what does not renew', async () => {
    await scenario.reseller('bravo', T0, { id: 'card-bravo', label: 'Visa •••• 0002 (decline)' });
    for (const org of ['o-good', 'o-bad', 'o-off']) await scenario.organization(org, org === 'o-bad' ? 'bravo' : 'acme', T0);
    await scenario.subscription('s-good', 'o-good', 'acme', T0, { autoRenewal: true, seats: 7 });
    await scenario.subscription('s-bad', 'o-bad', 'bravo', T0, { autoRenewal: true });
    await scenario.subscription('s-off', 'o-off', 'acme', T0);
    const termEnd = '2026-03-01T09:00:00.000Z';
    const quote = quoteRenewal(await scenario.ledger.subscription('s-good'), { now: plus(termEnd, -7) });
    if (isViolation(quote)) throw new Error(quote.message);

    const manager = newManager();
    await manager.start();
    clock.setTo(plus(termEnd, 10));
    const steps = await manager.runDue();
    expect(steps.every((s) => !s.failure)).toBe(true);
    // Earliest first, across subscriptions and processes.
    expect(steps.map((s) => s.dueAt)).toEqual([...steps.map((s) => s.dueAt)].sort());

    const good = await stream(subscriptionStream('s-good'));
    const [renewed, invoice] = byType(good, 'SubscriptionRenewed').concat(byType(good, 'InvoiceIssued').slice(-1));
    expect(renewed.data).toMatchObject({ periodStart: termEnd, periodEnd: '2027-03-01T09:00:00.000Z', seats: 7, renewedAt: termEnd });
    expect(invoice.data).toMatchObject({ reason: 'renewal', total: quote.periodTotal, issuedTo: { kind: 'reseller', id: 'acme' } });
    expect(invoice.data.payment).toMatchObject({ methodId: 'card-acme', kind: 'card', chargeId: expect.stringMatching(/^ch_sandbox_/) });
    expect(quote.periodTotal).toBe('672.00');
    expect(renewed.metadata).toMatchObject({ occurredAt: termEnd, actor: { kind: 'system', id: 'subscription-renewal' } });
    expect(byType(good, 'RenewalReminded').map((e) => [e.data.daysBefore, e.metadata.occurredAt])).toEqual([
      [30, plus(termEnd, -30)],
      [7, plus(termEnd, -7)],
    ]);

    const bad = await stream(subscriptionStream('s-bad'));
    expect(byType(bad, 'RenewalChargeFailed').map((e) => [e.data.attempt, e.metadata.occurredAt, e.data.nextAttemptAt])).toEqual([
      [1, termEnd, plus(termEnd, 1)],
      [2, plus(termEnd, 1), plus(termEnd, 3)],
      [3, plus(termEnd, 3), plus(termEnd, 7)],
      [4, plus(termEnd, 7), null],
    ]);
    expect(bad.at(-1)).toMatchObject({
      type: 'SubscriptionExpired',
      data: { expiredAt: termEnd, sweptAt: plus(termEnd, 7), reason: 'payment-failed' },
      metadata: { occurredAt: plus(termEnd, 7) },
    });
    expect(byType(bad, 'SubscriptionRenewed')).toEqual([]);

    expect((await stream(subscriptionStream('s-off'))).at(-1)).toMatchObject({
      type: 'SubscriptionExpired',
      data: { expiredAt: termEnd, reason: 'not-renewed' },
      metadata: { occurredAt: termEnd },
    });

    // Nothing more is due; the next term of s-good is scheduled.
    expect(await manager.runDue()).toEqual([]);
    const renewal = (await manager.status()).find((s) => s.name === 'subscription-renewal')!;
    expect(renewal).toMatchObject({ state: 'running', nextDueAt: '2027-03-01T09:00:00.000Z', pending: 1, lag: '0' });
  });

  it('catches up after downtime: everything that fell due meanwhile, in due-time order, each at its own business time', async () => {
    await scenario.organization('o1', 'acme', T0);
    await scenario.organization('o2', 'acme', T0);
    const first = newManager();
    await first.start();
    expect(await first.runDue()).toEqual([]);
    await first.stop();

    // While it is down: offers, a monthly subscription with auto-renewal, an issuance right.
    await scenario.subscription('s-monthly', 'o2', 'acme', plus(T0, -20), { billingPeriod: 'monthly', autoRenewal: true });
    await scenario.offer('o1', 'acme', 't1', T0);
    await scenario.offer('o2', 'acme', 't2', plus(T0, 3));
    await scenario.right('r1', 'acme', T0, plus(T0, 5), 'license-1', 'o1');
    const licenseBefore = await stream(licenseStream('license-1'));
    clock.setTo(plus(T0, 31));
    const restartedAt = Date.now();

    const second = newManager();
    await second.start();
    const steps = await second.runDue();
    expect(steps.map((s) => [s.dueAt, s.step])).toEqual([
      [plus(T0, 1), 'remind-renewal'], // monthly term ends T0+8 (Feb 9 + 1 month = Mar 9)
      [plus(T0, 5), 'close-right'],
      [plus(T0, 6), 'remind-offer'],
      [plus(T0, 7), 'lapse-offer'],
      [plus(T0, 8), 'term-end'],
      [plus(T0, 9), 'remind-offer'],
      [plus(T0, 10), 'lapse-offer'],
    ]);
    // The log has them in that order, each at its due time, recorded after the restart.
    const outcomes: RecordedEvent[] = [];
    for (const id of [organizationStream('o1'), organizationStream('o2'), subscriptionStream('s-monthly'), issuanceRightStream('r1')]) {
      outcomes.push(...(await stream(id)).filter((e) => e.metadata.actor.kind === 'system'));
    }
    outcomes.sort((a, b) => (a.position < b.position ? -1 : 1));
    expect(outcomes.map((e) => e.metadata.occurredAt)).toEqual([...outcomes.map((e) => e.metadata.occurredAt)].sort());
    expect(outcomes.map((e) => e.type)).toEqual([
      'RenewalReminded',
      'IssuanceRightExpired',
      'OwnershipTransferReminded',
      'OwnershipTransferExpired',
      'SubscriptionRenewed',
      'InvoiceIssued',
      'OwnershipTransferReminded',
      'OwnershipTransferExpired',
    ]);
    for (const event of outcomes) expect(Date.parse(event.metadata.recordedAt)).toBeGreaterThanOrEqual(restartedAt - 1);
    expect(outcomes.find((e) => e.type === 'IssuanceRightExpired')!.data).toMatchObject({
      expiresAt: plus(T0, 5),
      closedAt: plus(T0, 5),
      used: 1,
      remaining: 2,
    });
    // Rule 12: the license issued under the closed right keeps its own history and dates.
    expect(await stream(licenseStream('license-1'))).toEqual(licenseBefore);
  });

  it('stops a process alone on a failing step, with its reason; a retry takes the same step again, with the same command id', async () => {
    await scenario.organization('o1', 'acme', T0);
    await scenario.subscription('s1', 'o1', 'acme', T0, { autoRenewal: true });
    await scenario.offer('o1', 'acme', 't1', plus(T0, 362));
    let payments: PaymentProvider = {
      charge: async () => {
        throw new Error('payment gateway unreachable');
      },
    };
    const manager = newManager({ charge: (request) => payments.charge(request) });
    await manager.start();

    clock.setTo(plus(T0, 371));
    const steps = await manager.runDue();
    const failed = steps.find((s) => s.failure)!;
    expect(failed).toMatchObject({ process: 'subscription-renewal', step: 'term-end', failure: 'Error: payment gateway unreachable' });
    // The other processes went on, before and after the failure.
    expect(steps.filter((s) => !s.failure).map((s) => s.step)).toEqual(['remind-renewal', 'remind-renewal', 'remind-offer', 'lapse-offer']);

    const status = await manager.status();
    expect(status.find((s) => s.name === 'subscription-renewal')).toMatchObject({
      state: 'failed',
      pending: 1,
      failure: {
        itemId: 'subscription-renewal|term-end|s1',
        step: 'term-end',
        dueAt: plus(T0, 365),
        reason: 'Error: payment gateway unreachable',
        commandId: failed.commandId,
      },
    });
    expect(status.filter((s) => s.name !== 'subscription-renewal').map((s) => s.state)).toEqual(['running', 'running', 'running']);
    expect(await manager.runDue()).toEqual([]); // stopped until retried

    payments = new SandboxPaymentProvider();
    await manager.retry('subscription-renewal');
    const retried = await manager.runDue();
    expect(retried).toEqual([
      expect.objectContaining({ commandId: failed.commandId, events: ['SubscriptionRenewed', 'InvoiceIssued'], appended: true }),
    ]);
    const renewed = byType(await stream(subscriptionStream('s1')), 'SubscriptionRenewed')[0];
    expect(renewed.metadata).toMatchObject({ commandId: failed.commandId, occurredAt: plus(T0, 365) });
    expect((await manager.status()).every((s) => s.state === 'running' && !s.failure)).toBe(true);
  });

  it('two instances side by side record every outcome once', async () => {
    await scenario.reseller('bravo', T0, { id: 'card-bravo', label: 'Mastercard (decline)' });
    for (let i = 0; i < 6; i++) {
      await scenario.organization(`o${i}`, i % 2 ? 'bravo' : 'acme', T0);
      await scenario.offer(`o${i}`, i % 2 ? 'bravo' : 'acme', `t${i}`, plus(T0, i));
      await scenario.subscription(`s${i}`, `o${i}`, i % 2 ? 'bravo' : 'acme', plus(T0, i), {
        autoRenewal: i % 3 !== 0,
        billingPeriod: 'monthly',
      });
    }
    const one = newManager();
    const other = newManager();
    await Promise.all([one.start(), other.start()]);
    clock.setTo(plus(T0, 75));
    const [a, b] = await Promise.all([one.runDue(), other.runDue()]);
    expect([...a, ...b].filter((s) => s.failure)).toEqual([]);

    const all: RecordedEvent[] = [];
    for (let i = 0; i < 6; i++) all.push(...(await stream(organizationStream(`o${i}`))), ...(await stream(subscriptionStream(`s${i}`))));
    const outcomes = all.filter((e) => e.metadata.actor.kind === 'system');
    const keys = outcomes.map((e) => `${e.streamId}|${e.type}|${e.metadata.occurredAt}|${JSON.stringify(e.data)}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(a.length + b.length).toBeGreaterThanOrEqual(34);
    for (let i = 0; i < 6; i++) {
      const org = await stream(organizationStream(`o${i}`));
      expect(byType(org, 'OwnershipTransferExpired')).toHaveLength(1);
      expect(byType(org, 'OwnershipTransferReminded')).toHaveLength(1);
    }
    // Two monthly terms ended for the good cards (renewed twice), the declining ones lapsed after four attempts.
    expect(byType(await stream(subscriptionStream('s2')), 'SubscriptionRenewed')).toHaveLength(2);
    expect(byType(await stream(subscriptionStream('s1')), 'RenewalChargeFailed').map((e) => e.data.attempt)).toEqual([1, 2, 3, 4]);
    expect(byType(await stream(subscriptionStream('s0')), 'SubscriptionExpired')).toHaveLength(1);
  });
});
