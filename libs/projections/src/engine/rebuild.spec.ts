import type { EventStore } from '@channel-ledger/event-store';
import type { ReadStore } from '@channel-ledger/read-store';
import { ProjectionRunner } from './runner';
import { appendLedgerEvents, openStores, tempDir, waitFor } from '../testing/fixtures';
import { Gate } from '../testing/gate';
import { allEvents, ledgerMatchesModel } from '../testing/ledger-model';
import { recordingReadStore } from '../testing/recording-read-store';
import { counterProjection, LEDGER_COLLECTIONS, ledgerProjection } from '../testing/sample-projections';

describe('blue/green rebuild', () => {
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

  function track(runner: ProjectionRunner): ProjectionRunner {
    runners.push(runner);
    return runner;
  }

  const ledgerCollections = async () => (await readStore.listCollections()).map((c) => c.name).filter((name) => name.startsWith('ledger_'));

  /** Digests of a clean build of the ledger in a read store of its own. */
  async function cleanBuildDigests(): Promise<string[]> {
    const other = await openStores(temp.file('ledger.sqlite'), temp.file(`clean-${Date.now()}.sqlite`));
    try {
      const clean = new ProjectionRunner({ eventStore, readStore: other.readStore, projections: [ledgerProjection()] });
      await clean.start();
      await clean.waitUntilCaughtUp();
      await clean.stop();
      return Promise.all(LEDGER_COLLECTIONS.map((name) => other.readStore.digest(name)));
    } finally {
      await other.close();
    }
  }

  it('builds beside the serving version, keeps serving and updating it, then switches the aliases and drops it', async () => {
    await appendLedgerEvents(eventStore, 400, { closeEvery: 9 });
    const switches: Array<{ logical: string; from: string; to: string; fromDigest: string; toDigest: string }> = [];
    const recording = recordingReadStore(readStore, {
      beforeSetAlias: async (logical, physical) => {
        const from = await readStore.resolve(logical);
        if (from === logical) return; // first build: no alias yet
        switches.push({
          logical,
          from,
          to: physical,
          fromDigest: await readStore.digest(from),
          toDigest: await readStore.digest(physical),
        });
      },
    });
    let gate: Gate | null = null;
    const ledger = ledgerProjection();
    const gated = {
      ...ledger,
      apply: (event: Parameters<typeof ledger.apply>[0], view: Parameters<typeof ledger.apply>[1]) =>
        (gate ? gate.wrap(ledger) : ledger).apply(event, view),
    };
    const runner = track(
      new ProjectionRunner({ eventStore, readStore: recording.store, projections: [counterProjection(), gated], catchUpBatchSize: 50 }),
    );
    await runner.start();
    await runner.waitUntilCaughtUp();
    expect(await readStore.resolve('ledger_accounts')).toBe('ledger_accounts__v1');

    // Only the rebuild sees position 200 again: it stops there until the gate opens.
    gate = new Gate((event) => event.position === 200n);
    const outcome = runner.rebuild('ledger');
    await waitFor(() => gate!.blocked, 'the rebuild to reach the gate');

    const during = await runner.projectionStatus('ledger');
    expect(during).toMatchObject({ state: 'rebuilding', servingGeneration: 'v1', position: '400', lag: '0' });
    expect(during.rebuild).toMatchObject({ head: '400', generation: 'v1_r1' });
    expect(BigInt(during.rebuild!.position)).toBeLessThan(200n);
    expect(during.rebuild!.eventsApplied).toBe(Number(during.rebuild!.position));
    expect(await readStore.resolve('ledger_accounts')).toBe('ledger_accounts__v1');
    expect(await ledgerCollections()).toEqual(expect.arrayContaining(['ledger_accounts__v1', 'ledger_accounts__v1_r1']));

    // Meanwhile the serving version keeps following the log.
    await appendLedgerEvents(eventStore, 60, { start: 400, closeEvery: 9 });
    await runner.waitUntilCaughtUp();
    await ledgerMatchesModel(readStore, await allEvents(eventStore));
    expect(await readStore.resolve('ledger_accounts')).toBe('ledger_accounts__v1');

    gate.open();
    expect(await outcome).toBe('switched');
    // At the switch both generations held the same documents, collection by collection.
    expect(switches.map((s) => [s.logical, s.from, s.to])).toEqual([
      ['ledger_entries', 'ledger_entries__v1', 'ledger_entries__v1_r1'],
      ['ledger_totals', 'ledger_totals__v1', 'ledger_totals__v1_r1'],
      ['ledger_accounts', 'ledger_accounts__v1', 'ledger_accounts__v1_r1'],
    ]);
    for (const s of switches) expect(s.toDigest).toBe(s.fromDigest);
    expect(await ledgerCollections()).toEqual(['ledger_accounts__v1_r1', 'ledger_entries__v1_r1', 'ledger_totals__v1_r1']);
    expect(await readStore.getCheckpoint('ledger@v1')).toBeNull();

    // Live on the new generation.
    await appendLedgerEvents(eventStore, 25, { start: 460, closeEvery: 9 });
    await runner.waitUntilCaughtUp();
    await waitFor(async () => (await runner.projectionStatus('ledger')).state === 'live', 'ledger live');
    const after = await runner.projectionStatus('ledger');
    expect(after).toMatchObject({ servingGeneration: 'v1_r1', position: '485', lag: '0' });
    expect(after.rebuild).toBeUndefined();
    await ledgerMatchesModel(readStore, await allEvents(eventStore));
    expect(await Promise.all(LEDGER_COLLECTIONS.map((name) => readStore.digest(name)))).toEqual(await cleanBuildDigests());
    expect(await readStore.get('event_counter', 'total')).toMatchObject({ count: 485 });
  });

  it('rebuilds a projection whose version changed at start-up, serving the old version until the switch', async () => {
    await appendLedgerEvents(eventStore, 300, { closeEvery: 5 });
    const v1 = track(new ProjectionRunner({ eventStore, readStore, projections: [ledgerProjection({ version: 1 })] }));
    await v1.start();
    await v1.waitUntilCaughtUp();
    await v1.stop();
    await appendLedgerEvents(eventStore, 20, { start: 300, closeEvery: 5 }); // not in v1's documents

    const gate = new Gate((event) => event.position === 100n);
    const v2 = track(
      new ProjectionRunner({ eventStore, readStore, projections: [gate.wrap(ledgerProjection({ version: 2 }))], catchUpBatchSize: 40 }),
    );
    await v2.start();
    await waitFor(() => gate.blocked, 'the v2 build to reach the gate');
    expect(await v2.projectionStatus('ledger')).toMatchObject({
      state: 'rebuilding',
      version: 2,
      servingGeneration: 'v1',
      position: '300',
      lag: '20',
    });
    expect(await readStore.resolve('ledger_entries')).toBe('ledger_entries__v1');
    await ledgerMatchesModel(readStore, (await allEvents(eventStore)).slice(0, 300));

    gate.open();
    await waitFor(async () => (await v2.projectionStatus('ledger')).servingGeneration === 'v2', 'the switch to v2');
    await v2.waitUntilCaughtUp();
    expect(await ledgerCollections()).toEqual(['ledger_accounts__v2', 'ledger_entries__v2', 'ledger_totals__v2']);
    expect(await readStore.resolve('ledger_entries')).toBe('ledger_entries__v2');
    await ledgerMatchesModel(readStore, await allEvents(eventStore));
  });

  it('a failing rebuild leaves the serving version in place; retry resumes the rebuild from its checkpoint', async () => {
    await appendLedgerEvents(eventStore, 200);
    let broken = false;
    const runner = track(
      new ProjectionRunner({
        eventStore,
        readStore,
        projections: [ledgerProjection({ fail: (_type, data) => broken && data.n === 120 })],
        catchUpBatchSize: 50,
      }),
    );
    await runner.start();
    await runner.waitUntilCaughtUp();
    broken = true; // only the rebuild replays n = 120
    expect(await runner.rebuild('ledger')).toBe('failed');
    const failed = await runner.projectionStatus('ledger');
    expect(failed).toMatchObject({ state: 'failed', servingGeneration: 'v1', failure: { during: 'rebuild', eventType: 'Deposited' } });
    expect(failed.rebuild?.position).toBe(String(BigInt(failed.failure!.position) - 1n));
    expect(await readStore.resolve('ledger_accounts')).toBe('ledger_accounts__v1');

    // The serving version still follows the log.
    await appendLedgerEvents(eventStore, 10, { start: 200 });
    await runner.waitUntilCaughtUp(); // a failed rebuild does not hold back read-your-writes
    expect((await runner.projectionStatus('ledger')).position).toBe('210');

    broken = false;
    await runner.retry('ledger');
    await waitFor(async () => (await runner.projectionStatus('ledger')).servingGeneration === 'v1_r1', 'the switch');
    await runner.waitUntilCaughtUp();
    expect(await ledgerCollections()).toEqual(['ledger_accounts__v1_r1', 'ledger_entries__v1_r1', 'ledger_totals__v1_r1']);
    await ledgerMatchesModel(readStore, await allEvents(eventStore));
  });

  it('repairs a switch a crash interrupted and drops the half-built generation', async () => {
    await appendLedgerEvents(eventStore, 120, { closeEvery: 6 });
    const first = track(new ProjectionRunner({ eventStore, readStore, projections: [ledgerProjection()] }));
    await first.start();
    await first.waitUntilCaughtUp();
    await first.stop();
    // As if the process died during a rebuild's switch: one alias moved, the first one not yet.
    for (const name of LEDGER_COLLECTIONS)
      await readStore.ensureCollection({
        name: `${name}__v1_r1`,
        indexes: ledgerProjection().collections.find((c) => c.name === name)!.indexes,
      });
    await readStore.commit({ operations: [], checkpoint: { projection: 'ledger@v1_r1', position: '50' } });
    await readStore.setAlias('ledger_totals', 'ledger_totals__v1_r1');

    const second = track(new ProjectionRunner({ eventStore, readStore, projections: [ledgerProjection()] }));
    await second.start();
    await second.waitUntilCaughtUp();
    expect(await readStore.resolve('ledger_totals')).toBe('ledger_totals__v1');
    expect(await ledgerCollections()).toEqual(['ledger_accounts__v1', 'ledger_entries__v1', 'ledger_totals__v1']);
    expect(await readStore.getCheckpoint('ledger@v1_r1')).toBeNull();
    await ledgerMatchesModel(readStore, await allEvents(eventStore));
  });
});

describe('a rebuild after the log reads differently (an erasure)', () => {
  it('reads every page again instead of the pages kept for the first build', async () => {
    const temp = tempDir();
    const stores = await openStores(temp.file('ledger.sqlite'));
    // Stands in for the ledger's decrypting store after a person's key is deleted.
    let erased = false;
    const reading: EventStore = Object.create(stores.eventStore, {
      readAll: {
        value: async (options: Parameters<EventStore['readAll']>[0]) => {
          const page = await stores.eventStore.readAll(options);
          return erased ? { ...page, events: page.events.map((e) => ({ ...e, type: 'Erased' })) } : page;
        },
      },
    }) as EventStore;
    const runner = new ProjectionRunner({
      eventStore: reading,
      readStore: stores.readStore,
      projections: [counterProjection()],
      catchUpBatchSize: 10,
    });
    try {
      await appendLedgerEvents(stores.eventStore, 40);
      await runner.start();
      await runner.waitUntilCaughtUp();
      expect(await stores.readStore.get('event_counter', 'type-Erased')).toBeNull();

      erased = true;
      expect(await runner.rebuild('counter')).toBe('switched');
      expect(await stores.readStore.get('event_counter', 'type-Erased')).toMatchObject({ count: 40 });
    } finally {
      await runner.stop();
      await stores.close();
      temp.cleanup();
    }
  });
});
