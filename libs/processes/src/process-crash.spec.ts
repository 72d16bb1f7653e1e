import { embeddedChildEnv } from '@channel-ledger/application/testing/child-process-env';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CommandPipeline, LedgerContext, SandboxPaymentProvider } from '@channel-ledger/application';
import { EventStore, openSqliteEventStore, RecordedEvent, verifyStreamChain } from '@channel-ledger/event-store';
import { MAIL_OUTBOX, MAIL_EVENT_TYPES, mailOutboxProjection, ProjectionRunner } from '@channel-ledger/projections';
import { openSqliteReadStore, ReadDocument } from '@channel-ledger/read-store';
import { ProcessManager } from './process-manager';
import { LedgerScenario, plus } from './testing/ledger-scenario';

const ROOT = resolve(__dirname, '../../..');
const T0 = '2025-01-10T08:00:00.000Z';
const NOW = plus(T0, 70);

/** Offers, monthly subscriptions (some with auto-renewal, some on a declining card) and rights: a few hundred steps due by NOW. */
async function tellStory(store: EventStore): Promise<void> {
  const scenario = new LedgerScenario(store);
  await scenario.catalog(T0);
  await scenario.reseller('acme', T0, { id: 'card-acme', label: 'Visa •••• 4242' });
  await scenario.reseller('bravo', T0, { id: 'card-bravo', label: 'Visa •••• 0002 (decline)' });
  for (let i = 0; i < 40; i++) {
    const reseller = i % 4 === 1 ? 'bravo' : 'acme';
    await scenario.organization(`o${i}`, reseller, T0);
    await scenario.offer(`o${i}`, reseller, `t${i}`, plus(T0, i % 7, i % 5));
    if (i < 30)
      await scenario.subscription(`s${i}`, `o${i}`, reseller, plus(T0, i % 5), { billingPeriod: 'monthly', autoRenewal: i % 3 !== 0 });
    if (i < 10) await scenario.right(`r${i}`, reseller, T0, plus(T0, 20 + i));
  }
}

function startInstance(file: string): {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
} {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'testing', 'process-child.ts')],
    {
      cwd: ROOT,
      env: embeddedChildEnv({ TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), LEDGER_FILE: file, PROCESS_CLOCK: NOW, CHARGE_DELAY_MS: '15' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, exited: new Promise((done) => child.on('exit', (code, signal) => done({ code, signal, output }))) };
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function allEvents(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let after: bigint | null = null;
  for (;;) {
    const page = await store.readAll({ after, limit: 1000 });
    events.push(...page.events);
    if (page.isEnd || page.events.length === 0) return events;
    after = page.lastPosition;
  }
}

/** What the processes recorded: by event id, with what makes it that outcome. */
const outcomesOf = (events: RecordedEvent[]) =>
  new Map(
    events
      .filter((e) => e.metadata.actor.kind === 'system')
      .map((e) => [
        e.eventId,
        { streamId: e.streamId, type: e.type, data: e.data, occurredAt: e.metadata.occurredAt, actor: e.metadata.actor },
      ]),
  );

async function outbox(store: EventStore, file: string): Promise<ReadDocument[]> {
  const readStore = await openSqliteReadStore({ path: file });
  const runner = new ProjectionRunner({ eventStore: store, readStore, projections: [mailOutboxProjection] });
  await runner.start();
  await runner.waitUntilCaughtUp();
  await runner.stop();
  const documents: ReadDocument[] = [];
  let cursor: string | null = null;
  do {
    const page = await readStore.find(MAIL_OUTBOX, { limit: 1000, cursor });
    documents.push(...page.documents);
    cursor = page.nextCursor;
  } while (cursor);
  await readStore.close();
  return documents;
}

/**
 * A process-manager process is SIGKILLed in the middle of acting on a few hundred due steps, then
 * restarted while a second instance runs beside it on the same file. Every outcome must be in the
 * log exactly once, identical (event ids included) to what one uninterrupted run records, and so
 * must the mail outbox entries those outcomes imply.
 */
describe('processes killed mid-run, restarted beside a second instance', () => {
  jest.setTimeout(180_000);
  let dir: string;
  let store: EventStore;
  let reference: EventStore;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'processes-crash-'));
    store = await openSqliteEventStore({ path: join(dir, 'ledger.sqlite'), synchronous: 'NORMAL' });
    reference = await openSqliteEventStore({ path: join(dir, 'reference.sqlite'), synchronous: 'NORMAL' });
    await tellStory(store);
    await tellStory(reference);
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await store.close();
    await reference.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records every outcome once, exactly as an uninterrupted run does, and the outbox with it', async () => {
    // The uninterrupted run, in this process, on a copy of the story.
    const referenceReadStore = await openSqliteReadStore({ path: join(dir, 'reference.sqlite') });
    const single = new ProcessManager({
      eventStore: reference,
      readStore: referenceReadStore,
      ledger: new LedgerContext(reference, new CommandPipeline(reference)),
      payments: new SandboxPaymentProvider(),
      clock: { now: () => new Date(NOW) },
      autoRun: false,
    });
    await single.start();
    const steps = await single.runDue();
    await single.stop();
    await referenceReadStore.close();
    expect(steps.filter((s) => s.failure)).toEqual([]);
    const expected = outcomesOf(await allEvents(reference));
    expect(expected.size).toBeGreaterThan(200);
    const types = [...expected.values()].map((o) => o.type);
    for (const type of [
      'OwnershipTransferExpired',
      'OwnershipTransferReminded',
      'RenewalReminded',
      'SubscriptionRenewed',
      'InvoiceIssued',
      'RenewalChargeFailed',
      'SubscriptionExpired',
      'IssuanceRightExpired',
    ]) {
      expect(types).toContain(type);
    }

    // Killed once it has recorded a few dozen outcomes, long before it is done.
    const file = join(dir, 'ledger.sqlite');
    const seeded = (await store.headPosition())!;
    const first = startInstance(file);
    children.push(first.child);
    const atKill = await until('a few dozen outcomes', async () => {
      const head = (await store.headPosition())!;
      return head > seeded + 30n ? head : null;
    });
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const afterKill = outcomesOf(await allEvents(store)).size;
    expect(atKill).toBeGreaterThan(seeded);
    expect(afterKill).toBeGreaterThan(20);
    expect(afterKill).toBeLessThan(expected.size); // it really died in the middle

    // Restarted, with a second instance beside it.
    const restarted = startInstance(file);
    const second = startInstance(file);
    children.push(restarted.child, second.child);
    const [a, b] = await Promise.all([restarted.exited, second.exited]);
    expect({ code: a.code, output: a.output }).toEqual({ code: 0, output: expect.stringContaining('"failed":[]') });
    expect({ code: b.code, output: b.output }).toEqual({ code: 0, output: expect.stringContaining('"failed":[]') });

    // The log: exactly the reference's outcomes, each once (event ids are derived, so a double would show).
    const events = await allEvents(store);
    const ids = events.map((e) => e.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    const recorded = outcomesOf(events);
    expect(recorded.size).toBe(expected.size);
    expect(new Map([...recorded].sort())).toEqual(new Map([...expected].sort()));
    const byStream = new Map<string, RecordedEvent[]>();
    for (const event of events) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
    for (const [streamId, history] of byStream)
      expect({ streamId, chain: verifyStreamChain(history) }).toEqual({ streamId, chain: { ok: true } });

    // The outbox: one entry per outcome that implies mail, the same as the reference's.
    const mailed = (documents: ReadDocument[], outcomes: Map<string, unknown>) =>
      documents
        .filter((d) => outcomes.has(d.id))
        .map((d) => `${d.id}|${d.type}`)
        .sort();
    const crashedOutbox = await outbox(store, join(dir, 'outbox.sqlite'));
    const referenceOutbox = await outbox(reference, join(dir, 'reference-outbox.sqlite'));
    const entries = mailed(crashedOutbox, recorded);
    expect(entries).toEqual(mailed(referenceOutbox, expected));
    expect(entries.length).toBe([...recorded.values()].filter((o) => (MAIL_EVENT_TYPES as readonly string[]).includes(o.type)).length);
    expect(entries.length).toBeGreaterThan(100);
  });
});
