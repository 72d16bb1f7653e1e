import type { EventStore } from '@channel-ledger/event-store';
import type { ReadStore } from '@channel-ledger/read-store';
import { ProjectionNotRunningError } from './errors';
import { ProjectionRunner } from './runner';
import { appendLedgerEvents, newEvent, openStores, tempDir, waitFor } from '../testing/fixtures';
import { allEvents, ledgerMatchesModel } from '../testing/ledger-model';
import { recordingReadStore } from '../testing/recording-read-store';
import { counterProjection, ledgerProjection } from '../testing/sample-projections';
import { defineProjection } from './projection';

describe('ProjectionRunner', () => {
  let temp: ReturnType<typeof tempDir>;
  let stores: Awaited<ReturnType<typeof openStores>>;
  let eventStore: EventStore;
  let readStore: ReadStore;
  const runners: ProjectionRunner[] = [];

  beforeEach(async () => {
    temp = tempDir();
    stores = await openStores(temp.file('ledger.sqlite'));
    ({ eventStore, readStore } = stores);
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    await stores.close();
    temp.cleanup();
  });

  function runner(options: Partial<ConstructorParameters<typeof ProjectionRunner>[0]> & { readStore?: ReadStore } = {}) {
    const created = new ProjectionRunner({ eventStore, readStore, projections: [counterProjection(), ledgerProjection()], ...options });
    runners.push(created);
    return created;
  }

  const count = async () => ((await readStore.get('event_counter', 'total'))?.count as number | undefined) ?? 0;
  const stateOf = async (r: ProjectionRunner, name: string) => (await r.projectionStatus(name)).state;

  it('catches up page by page, then follows live; every commit carries the checkpoint of its documents', async () => {
    await appendLedgerEvents(eventStore, 1234, { closeEvery: 11 });
    const recording = recordingReadStore(readStore);
    const r = runner({ readStore: recording.store, catchUpBatchSize: 100, liveBatchSize: 10 });
    await r.start();
    await r.waitUntilCaughtUp();
    await waitFor(async () => (await stateOf(r, 'counter')) === 'live' && (await stateOf(r, 'ledger')) === 'live', 'both live');

    const counterCommits = () => recording.commits.filter((c) => c.checkpoint?.projection === 'counter@v1');
    // 1234 events in pages of 100: 13 commits, each checkpoint equal to the count it commits
    // (positions of a fresh SQLite log are 1..n), so documents and checkpoint moved together.
    expect(counterCommits().map((c) => c.checkpoint!.position)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => String((i + 1) * 100)),
      '1234',
    ]);
    for (const commit of recording.commits) expect(commit.checkpoint).toBeDefined();
    expect(await count()).toBe(1234);

    // Live: appends after start are picked up by the subscription, in small batches.
    const catchUpCommits = counterCommits().length;
    let last = 0n;
    for (let i = 0; i < 6; i++) {
      const result = await eventStore.append(
        `account-live${i}`,
        Array.from({ length: 9 + i }, (_, k) => newEvent('Deposited', { account: `live${i}`, amount: 1, n: k })),
        'any',
      );
      last = result.position;
    }
    await r.waitUntilCaughtUp(last);
    expect(await count()).toBe(1234 + 9 + 10 + 11 + 12 + 13 + 14);
    const liveCommits = counterCommits().slice(catchUpCommits);
    expect(liveCommits.length).toBeGreaterThan(0);
    let previous = 1234;
    for (const commit of liveCommits) {
      const position = Number(commit.checkpoint!.position);
      expect(position - previous).toBeGreaterThan(0);
      expect(position - previous).toBeLessThanOrEqual(10);
      const total = commit.operations.filter((op) => op.type === 'put' && op.document.id === 'total').pop();
      expect(total?.type === 'put' && total.document.count).toBe(position);
      previous = position;
    }
    await ledgerMatchesModel(readStore, await allEvents(eventStore));

    const status = await r.status();
    expect(status.map((s) => [s.name, s.state, s.position, s.lag])).toEqual([
      ['counter', 'live', String(last), '0'],
      ['ledger', 'live', String(last), '0'],
    ]);
  });

  it('reads its own uncommitted writes: a whole log in one batch equals the log event by event', async () => {
    await appendLedgerEvents(eventStore, 800, { accounts: 3, closeEvery: 7 });
    const r = runner({ catchUpBatchSize: 1000 });
    await r.start();
    await r.waitUntilCaughtUp();
    await ledgerMatchesModel(readStore, await allEvents(eventStore));
    const oneBatch = await readStore.digest('ledger_accounts');

    const other = await openStores(temp.file('ledger.sqlite'), temp.file('one-by-one.sqlite'));
    try {
      const single = new ProjectionRunner({
        eventStore,
        readStore: other.readStore,
        projections: [ledgerProjection()],
        catchUpBatchSize: 1,
      });
      await single.start();
      await single.waitUntilCaughtUp();
      await single.stop();
      for (const name of ['ledger_accounts', 'ledger_entries', 'ledger_totals']) {
        expect(await other.readStore.digest(name)).toBe(await readStore.digest(name));
      }
      expect(await other.readStore.digest('ledger_accounts')).toBe(oneBatch);
    } finally {
      await other.close();
    }
  });

  it('resumes from its checkpoint after a restart without doubling or losing an event', async () => {
    await appendLedgerEvents(eventStore, 500);
    const first = runner({ catchUpBatchSize: 64 });
    await first.start();
    await first.waitUntilCaughtUp();
    await appendLedgerEvents(eventStore, 100, { start: 500 });
    await first.waitUntilCaughtUp();
    await first.stop();
    expect((await first.projectionStatus('counter')).state).toBe('stopped');

    await appendLedgerEvents(eventStore, 321, { start: 600 }); // while nothing runs
    const second = runner({ catchUpBatchSize: 64 });
    await second.start();
    await second.waitUntilCaughtUp();
    expect(await count()).toBe(921);
    expect(await readStore.getCheckpoint('counter@v1')).toBe('921');
    await ledgerMatchesModel(readStore, await allEvents(eventStore));
  });

  it('skips event types a projection does not handle, but still moves its checkpoint', async () => {
    await appendLedgerEvents(eventStore, 50);
    await eventStore.append('noise-1', [newEvent('Noise', { x: 1 }), newEvent('Noise', { x: 2 })], 'no-stream');
    const r = runner({ projections: [counterProjection({ handles: ['Noise'] })] });
    await r.start();
    await r.waitUntilCaughtUp();
    expect(await count()).toBe(2);
    expect(await readStore.getCheckpoint('counter@v1')).toBe('52');
  });

  it('stops a failing projection alone, shows where and why, and resumes it on retry', async () => {
    let broken = true;
    const badIndex = defineProjection({
      name: 'bad_index',
      version: 1,
      collections: [{ name: 'bad_docs', indexes: [{ fields: ['key'] }] }],
      // An object in an indexed field is refused by the store at commit, not by apply: the runner
      // must still name the one event, by committing the refused batch event by event.
      apply: (event) => [
        {
          type: 'put',
          collection: 'bad_docs',
          document: { id: event.eventId, key: broken && event.data.n === 42 ? { nested: 1 } : String(event.data.n) },
        },
      ],
    });
    await appendLedgerEvents(eventStore, 300);
    const events = await allEvents(eventStore);
    const at = (n: number) => events.find((e) => e.data.n === n)!.position;

    const r = runner({
      projections: [counterProjection(), ledgerProjection({ fail: (type, data) => broken && data.n === 150 }), badIndex],
      catchUpBatchSize: 100,
    });
    await r.start();
    await waitFor(async () => (await stateOf(r, 'ledger')) === 'failed' && (await stateOf(r, 'bad_index')) === 'failed', 'both failed');

    const ledger = await r.projectionStatus('ledger');
    expect(ledger.failure).toMatchObject({ position: String(at(150)), eventType: 'Deposited', during: 'live' });
    expect(ledger.failure!.reason).toContain('cannot handle Deposited');
    expect(ledger.position).toBe(String(at(150) - 1n)); // everything before it is committed
    const bad = await r.projectionStatus('bad_index');
    expect(bad.failure).toMatchObject({ position: String(at(42)), eventType: 'Deposited' });
    expect(bad.failure!.reason).toMatch(/BatchRejectedError/);
    expect(bad.position).toBe(String(at(42) - 1n));
    expect(await readStore.count('bad_docs')).toBe(Number(at(42) - 1n));

    // The others go on, live.
    await r.waitUntilCaughtUp(undefined, { projections: ['counter'] });
    const more = await eventStore.append('account-more', [newEvent('Deposited', { account: 'more', amount: 5, n: 1000 })], 'any');
    await r.waitUntilCaughtUp(more.position, { projections: ['counter'] });
    expect(await count()).toBe(301);
    await expect(r.waitUntilCaughtUp(more.position)).rejects.toBeInstanceOf(ProjectionNotRunningError);

    broken = false;
    await r.retry('ledger');
    await r.retry('bad_index');
    await r.waitUntilCaughtUp(more.position);
    const after = await r.status();
    expect(after.every((s) => s.failure === undefined && s.lag === '0')).toBe(true);
    await waitFor(async () => (await stateOf(r, 'ledger')) === 'live', 'ledger live again');
    await ledgerMatchesModel(readStore, await allEvents(eventStore));
    expect(await readStore.count('bad_docs')).toBe(301);
  });
});
