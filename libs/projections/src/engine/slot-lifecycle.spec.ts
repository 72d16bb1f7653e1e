import type { EventStore } from '@channel-ledger/event-store';
import type { ReadStore } from '@channel-ledger/read-store';
import { ProjectionNotRunningError } from './errors';
import type { Projection } from './projection';
import { ProjectionRunner } from './runner';
import { appendLedgerEvents, openStores, tempDir, waitFor } from '../testing/fixtures';
import { Gate } from '../testing/gate';
import { allEvents, ledgerMatchesModel } from '../testing/ledger-model';
import { recordingReadStore } from '../testing/recording-read-store';
import { ledgerProjection } from '../testing/sample-projections';

/** The transitions of a projection slot (slot-state.ts) that rebuild.spec.ts does not walk through. */
describe('projection slot lifecycle', () => {
  let temp: ReturnType<typeof tempDir>;
  let stores: Awaited<ReturnType<typeof openStores>>;
  let eventStore: EventStore;
  let readStore: ReadStore;
  const runners: ProjectionRunner[] = [];
  const gates: Gate[] = [];

  beforeEach(async () => {
    temp = tempDir();
    stores = await openStores(temp.file('ledger.sqlite'));
    ({ eventStore, readStore } = stores);
  });

  afterEach(async () => {
    for (const gate of gates.splice(0)) gate.open(); // a failed test must not leave a worker held
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    await stores.close();
    temp.cleanup();
  });

  function track(runner: ProjectionRunner): ProjectionRunner {
    runners.push(runner);
    return runner;
  }

  /** The ledger, whose apply can be held at one position once the first build is done. */
  function gatedLedger(options: Parameters<typeof ledgerProjection>[0] = {}): {
    projection: Projection;
    holdAt: (position: bigint) => Gate;
  } {
    const ledger = ledgerProjection(options);
    let gate: Gate | null = null;
    const projection: Projection = { ...ledger, apply: (event, view) => (gate ? gate.wrap(ledger) : ledger).apply(event, view) };
    const holdAt = (position: bigint) => {
      gate = new Gate((event) => event.position === position);
      gates.push(gate);
      return gate;
    };
    return { projection, holdAt };
  }

  async function started(projection: Projection, store: ReadStore = readStore): Promise<ProjectionRunner> {
    const runner = track(new ProjectionRunner({ eventStore, readStore: store, projections: [projection] }));
    await runner.start();
    await runner.waitUntilCaughtUp();
    return runner;
  }

  const status = (runner: ProjectionRunner) => runner.projectionStatus('ledger');
  const ledgerCollections = async () => (await readStore.listCollections()).map((c) => c.name).filter((name) => name.startsWith('ledger_'));
  /** Position of the ledger event numbered n (appendLedgerEvents groups a chunk's events by stream). */
  const at = async (n: number) => (await allEvents(eventStore)).find((event) => event.data.n === n)!.position;
  const aliases = async () => (await readStore.listAliases()).map((alias) => alias.physical).sort();

  it('a stop during a rebuild leaves the aliases alone; the next start drops the half-built generation', async () => {
    await appendLedgerEvents(eventStore, 200);
    const { projection, holdAt } = gatedLedger();
    const runner = await started(projection);
    const gate = holdAt(100n);
    const outcome = runner.rebuild('ledger');
    const joined = runner.rebuild('ledger'); // a second call joins the first
    await waitFor(() => gate.blocked, 'the rebuild to reach the gate');

    const stopping = runner.stop();
    gate.open();
    await stopping;
    expect([await outcome, await joined]).toEqual(['stopped', 'stopped']);
    expect(await status(runner)).toMatchObject({
      state: 'stopped',
      servingGeneration: 'v1',
      position: '200',
      rebuild: { generation: 'v1_r1' },
    });
    await expect(runner.rebuild('ledger')).rejects.toThrow(/not running/);
    expect(await aliases()).toEqual(['ledger_accounts__v1', 'ledger_entries__v1', 'ledger_totals__v1']);
    expect(await ledgerCollections()).toContain('ledger_accounts__v1_r1');

    const next = await started(ledgerProjection());
    expect(await status(next)).toMatchObject({ servingGeneration: 'v1', position: '200' });
    expect(await ledgerCollections()).toEqual(['ledger_accounts__v1', 'ledger_entries__v1', 'ledger_totals__v1']);
    expect(await readStore.getCheckpoint('ledger@v1_r1')).toBeNull();
  });

  it('a stop during the switch lets the switch land: the aliases move, the old generation is dropped', async () => {
    await appendLedgerEvents(eventStore, 150, { closeEvery: 7 });
    let stopping: Promise<void> | null = null;
    let runner: ProjectionRunner | null = null;
    const recording = recordingReadStore(readStore, {
      beforeSetAlias: async (_logical, physical) => {
        if (physical.endsWith('__v1_r1') && runner && !stopping) stopping = runner.stop();
      },
    });
    runner = await started(ledgerProjection(), recording.store);
    expect(await runner.rebuild('ledger')).toBe('switched');
    expect(stopping).not.toBeNull();
    await stopping;

    expect(await status(runner)).toMatchObject({ state: 'stopped', servingGeneration: 'v1_r1', position: '150' });
    expect((await status(runner)).rebuild).toBeUndefined();
    expect(await aliases()).toEqual(['ledger_accounts__v1_r1', 'ledger_entries__v1_r1', 'ledger_totals__v1_r1']);
    expect(await ledgerCollections()).toEqual(['ledger_accounts__v1_r1', 'ledger_entries__v1_r1', 'ledger_totals__v1_r1']);
    expect(await readStore.getCheckpoint('ledger@v1')).toBeNull();

    await appendLedgerEvents(eventStore, 20, { start: 150, closeEvery: 7 });
    const next = await started(ledgerProjection());
    expect(await status(next)).toMatchObject({ servingGeneration: 'v1_r1', position: '170' });
    await ledgerMatchesModel(readStore, await allEvents(eventStore));
  });

  it('a serving worker failing during a rebuild holds readers back until the switch replaces it', async () => {
    await appendLedgerEvents(eventStore, 200);
    let broken = false;
    const { projection, holdAt } = gatedLedger({ fail: (_type, data) => broken && data.n === 230 });
    const runner = await started(projection);
    const gate = holdAt(100n);
    const outcome = runner.rebuild('ledger');
    await waitFor(() => gate.blocked, 'the rebuild to reach the gate');

    broken = true; // only the serving worker meets n = 230 while it is broken
    await appendLedgerEvents(eventStore, 50, { start: 200 });
    await waitFor(async () => (await status(runner)).state === 'failed', 'the serving worker to fail');
    const failed = await status(runner);
    const failedAt = await at(230);
    expect(failed).toMatchObject({
      servingGeneration: 'v1',
      position: String(failedAt - 1n),
      failure: { during: 'live', position: String(failedAt) },
    });
    expect(failed.rebuild).toMatchObject({ generation: 'v1_r1' });
    await expect(runner.waitUntilCaughtUp()).rejects.toBeInstanceOf(ProjectionNotRunningError);

    broken = false;
    gate.open();
    expect(await outcome).toBe('switched');
    await runner.waitUntilCaughtUp();
    await waitFor(async () => (await status(runner)).state === 'live', 'the new generation live');
    const after = await status(runner);
    expect(after).toMatchObject({ servingGeneration: 'v1_r1', position: '250' });
    expect(after.failure).toBeUndefined();
    await ledgerMatchesModel(readStore, await allEvents(eventStore));
  });

  it('with both the serving worker and the rebuild failed, retry restarts both', async () => {
    await appendLedgerEvents(eventStore, 200);
    let rebuildBroken = false;
    let servingBroken = false;
    const runner = await started(
      ledgerProjection({ fail: (_type, data) => (rebuildBroken && data.n === 120) || (servingBroken && data.n === 230) }),
    );
    rebuildBroken = true; // only the rebuild replays n = 120
    expect(await runner.rebuild('ledger')).toBe('failed');
    expect(await runner.rebuild('ledger')).toBe('failed'); // joins the failed rebuild, retry resumes it
    expect(await status(runner)).toMatchObject({ state: 'failed', failure: { during: 'rebuild' } });
    await runner.waitUntilCaughtUp(); // the serving worker is still live

    servingBroken = true;
    await appendLedgerEvents(eventStore, 50, { start: 200 });
    await waitFor(async () => (await status(runner)).failure?.during === 'live', 'the serving worker to fail');
    const both = await status(runner);
    expect(both).toMatchObject({
      state: 'failed',
      servingGeneration: 'v1',
      position: String((await at(230)) - 1n),
      rebuild: { position: String((await at(120)) - 1n) },
    });
    await expect(runner.waitUntilCaughtUp()).rejects.toBeInstanceOf(ProjectionNotRunningError);

    rebuildBroken = false;
    servingBroken = false;
    await runner.retry('ledger');
    await waitFor(async () => (await status(runner)).servingGeneration === 'v1_r1', 'the resumed rebuild to switch');
    await runner.waitUntilCaughtUp();
    expect((await status(runner)).failure).toBeUndefined();
    expect(await ledgerCollections()).toEqual(['ledger_accounts__v1_r1', 'ledger_entries__v1_r1', 'ledger_totals__v1_r1']);
    await ledgerMatchesModel(readStore, await allEvents(eventStore));
  });

  it('a rebuild failing during the switch freezes the serving generation; retry completes the switch', async () => {
    await appendLedgerEvents(eventStore, 200);
    let seen = 0;
    // n = 200 fails the second time it is applied: the serving worker applies it first, then the
    // rebuild meets it only in the catch-up that brings it level after the serving worker stopped.
    const { projection, holdAt } = gatedLedger({ fail: (_type, data) => data.n === 200 && ++seen === 2 });
    const runner = await started(projection);
    const gate = holdAt(100n);
    const outcome = runner.rebuild('ledger');
    await waitFor(() => gate.blocked, 'the rebuild to reach the gate');
    await appendLedgerEvents(eventStore, 1, { start: 200 });
    await runner.waitUntilCaughtUp();

    gate.open();
    expect(await outcome).toBe('failed');
    expect(await status(runner)).toMatchObject({
      state: 'failed',
      servingGeneration: 'v1',
      position: '201',
      failure: { during: 'rebuild', position: '201' },
      rebuild: { position: '200' },
    });
    expect(await aliases()).toEqual(['ledger_accounts__v1', 'ledger_entries__v1', 'ledger_totals__v1']);
    // Nothing follows v1 any more: waiting for a newer event is refused, not timed out.
    await appendLedgerEvents(eventStore, 1, { start: 201 });
    await expect(runner.waitUntilCaughtUp(undefined, { timeoutMs: 5_000 })).rejects.toBeInstanceOf(ProjectionNotRunningError);
    expect((await status(runner)).position).toBe('201');

    await runner.retry('ledger');
    await waitFor(async () => (await status(runner)).servingGeneration === 'v1_r1', 'the retried switch');
    await runner.waitUntilCaughtUp();
    expect(await status(runner)).toMatchObject({ position: '202', lag: '0' });
    expect(await ledgerCollections()).toEqual(['ledger_accounts__v1_r1', 'ledger_entries__v1_r1', 'ledger_totals__v1_r1']);
    await ledgerMatchesModel(readStore, await allEvents(eventStore));
  });
});
