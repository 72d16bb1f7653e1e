import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decider, DomainEvent, violation } from '@channel-ledger/domain';
import { EventStore, openSqliteEventStore, verifyStreamChain } from '@channel-ledger/event-store';
import { CommandEnvelope } from './command-envelope';
import { CommandPipeline } from './command-pipeline';
import { ConcurrencyConflictError, RuleViolationError } from './errors';

/** A temp folder for one store, deleted with it. */
const tempDirs: string[] = [];
function tempFile(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return join(dir, 'events.sqlite');
}
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// A seat counter with a cap: small enough to read, real enough to conflict.
type SeatsAdded = DomainEvent<'SeatsAdded', { seats: number }>;
type AddSeats = { type: 'AddSeats'; seats: number };
const seatCounter: Decider<AddSeats, SeatsAdded, { seats: number }> = {
  initialState: { seats: 0 },
  decide: (command, state) => {
    if (command.seats === 0) return [];
    if (state.seats + command.seats > 10) return violation('seat-cap-reached', 'At most 10 seats.');
    return [{ type: 'SeatsAdded', data: { seats: command.seats } }];
  },
  evolve: (state, event) => ({ seats: state.seats + event.data.seats }),
};

const envelope = (commandId: string): CommandEnvelope => ({
  commandId,
  correlationId: commandId,
  causationId: commandId,
  actor: { kind: 'reseller', id: 'r-1' },
  onBehalfOf: null,
  occurredAt: '2026-11-23T10:00:00.000Z',
});

describe('CommandPipeline on the SQLite event store', () => {
  let store: EventStore;
  let pipeline: CommandPipeline;
  const run = (commandId: string, seats: number, on: CommandPipeline = pipeline) =>
    on.execute({ streamId: 'subscription-s1', decider: seatCounter, command: { type: 'AddSeats', seats }, envelope: envelope(commandId) });

  beforeEach(async () => {
    store = await openSqliteEventStore({ path: tempFile('pipeline-') });
    pipeline = new CommandPipeline(store);
  });
  afterEach(() => store.close());

  it('loads, decides and appends with metadata from the envelope', async () => {
    const outcome = await run('c-1', 3);
    expect(outcome.appended).toBe(true);
    expect(outcome.state).toEqual({ seats: 3 });
    const [event] = await store.readStream('subscription-s1');
    expect(event.metadata).toMatchObject({ commandId: 'c-1', actor: { kind: 'reseller', id: 'r-1' }, schemaVersion: 1 });
  });

  it('answers a command id it has seen from the log and appends nothing', async () => {
    await run('c-1', 3);
    await run('c-2', 2);
    const again = await run('c-1', 3);
    expect(again.appended).toBe(false);
    expect(again.events.map((e) => e.metadata.commandId)).toEqual(['c-1']);
    expect(again.state).toEqual({ seats: 3 });
    expect(await store.readStream('subscription-s1')).toHaveLength(2);
  });

  it('turns a refusal into a RuleViolationError and writes nothing', async () => {
    await run('c-1', 9);
    await expect(run('c-2', 2)).rejects.toThrow(RuleViolationError);
    expect(await store.readStream('subscription-s1')).toHaveLength(1);
  });

  it('writes nothing for an empty decision', async () => {
    const outcome = await run('c-1', 0);
    expect(outcome).toMatchObject({ appended: false, events: [] });
    expect(await store.readStream('subscription-s1')).toHaveLength(0);
  });

  it('retries concurrent commands on the same stream so every one is decided on fresh state', async () => {
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => run(`c-${i}`, 2)));
    const applied = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    // The cap holds under contention: 5 × 2 seats fit, the other 3 are refused by the rule, none lost.
    expect(applied).toHaveLength(5);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(RuleViolationError);
    const events = await store.readStream('subscription-s1');
    expect(events).toHaveLength(5);
    expect(verifyStreamChain(events)).toEqual({ ok: true });
  });

  it('gives up with a ConcurrencyConflictError after the bounded number of attempts', async () => {
    const impatient = new CommandPipeline(
      {
        ...store,
        readStream: (id: string, options) => store.readStream(id, options),
        append: async (id, events, expected) => {
          // Someone else always writes first.
          await store.append(
            id,
            [
              {
                ...events[0],
                eventId: `${events[0].eventId}-${Math.random()}`,
                metadata: { ...events[0].metadata, commandId: `other-${Math.random()}` },
              },
            ],
            'any',
          );
          return store.append(id, events, expected);
        },
      } as EventStore,
      { maxAttempts: 3 },
    );
    await expect(run('c-1', 1, impatient)).rejects.toThrow(ConcurrencyConflictError);
  });
});

describe('CommandPipeline: what a command reads, snapshots and the recorded events', () => {
  let store: EventStore;
  let pipeline: CommandPipeline;
  let read: number;
  const counting = (inner: EventStore): EventStore =>
    Object.assign(Object.create(inner) as EventStore, {
      readStream: async (id: string, options?: Parameters<EventStore['readStream']>[1]) => {
        const events = await inner.readStream(id, options);
        read += events.length;
        return events;
      },
      append: (id: string, events: Parameters<EventStore['append']>[1], expected: Parameters<EventStore['append']>[2]) =>
        inner.append(id, events, expected),
    });
  const run = (commandId: string, seats: number, on: CommandPipeline = pipeline, decider = seatCounter) =>
    on.execute({ streamId: 'subscription-long', decider, command: { type: 'AddSeats', seats }, envelope: envelope(commandId) });
  const unlimited: typeof seatCounter = { ...seatCounter, decide: (command) => [{ type: 'SeatsAdded', data: { seats: command.seats } }] };

  beforeEach(async () => {
    store = await openSqliteEventStore({ path: tempFile('pipeline-snap-') });
    pipeline = new CommandPipeline(counting(store));
    read = 0;
  });
  afterEach(() => store.close());

  it('on a long stream a command reads the last event and its own command id, not the stream', async () => {
    for (let i = 0; i < 200; i++) await run(`c-${i}`, 1, pipeline, unlimited);
    read = 0;
    const outcome = await run('c-next', 1, pipeline, unlimited);
    expect(outcome.state).toEqual({ seats: 201 });
    expect(read).toBe(1);
  });

  it('a fresh pipeline (a restart) folds the stream once, then follows its snapshot', async () => {
    for (let i = 0; i < 50; i++) await run(`c-${i}`, 1, pipeline, unlimited);
    const restarted = new CommandPipeline(counting(store));
    read = 0;
    expect((await run('c-50', 1, restarted, unlimited)).state).toEqual({ seats: 51 });
    expect(read).toBe(50);
    read = 0;
    expect((await run('c-51', 1, restarted, unlimited)).state).toEqual({ seats: 52 });
    expect(read).toBe(1);
  });

  it('never trusts a snapshot over the log: a stale one is dropped and the state folded again', async () => {
    for (let i = 0; i < 5; i++) await run(`c-${i}`, 1, pipeline, unlimited);
    const head = (await store.readStream('subscription-long'))[4];
    // A snapshot claiming revision 4 with another hash (as if the stream had been rewritten and re-verified).
    pipeline.snapshots.put('subscription-long', unlimited, { revision: 4n, hash: '0'.repeat(64), version: null, state: { seats: 999 } });
    expect((await run('c-5', 1, pipeline, unlimited)).state).toEqual({ seats: 6 });
    // A snapshot of another fold version is not used either.
    const versioned = { ...unlimited, snapshotVersion: 2 };
    pipeline.snapshots.put('subscription-long', versioned, {
      revision: head.revision,
      hash: head.metadata.hash,
      version: 1,
      state: { seats: 999 },
    });
    expect((await run('c-6', 1, pipeline, versioned)).state).toEqual({ seats: 7 });
  });

  it('deleteStream and clear drop snapshots; the next command folds from the log with the same result', async () => {
    for (let i = 0; i < 5; i++) await run(`c-${i}`, 1, pipeline, unlimited);
    pipeline.snapshots.deleteStream('subscription-long');
    expect(pipeline.snapshots.get('subscription-long', unlimited)).toBeUndefined();
    read = 0;
    expect((await run('c-5', 1, pipeline, unlimited)).state).toEqual({ seats: 6 });
    expect(read).toBe(5); // revisions 0-3 before the verified link, then the link itself
    pipeline.snapshots.clear();
    expect((await run('c-6', 1, pipeline, unlimited)).state).toEqual({ seats: 7 });
  });

  it('returns the appended events exactly as the log holds them, without reading them back', async () => {
    await run('c-0', 2);
    read = 0;
    const outcome = await run('c-1', 3);
    expect(read).toBe(1); // the previous last event only
    const stored = await store.readStream('subscription-long');
    expect(outcome.events).toEqual([stored[1]]);
    expect(outcome.domainEvents).toEqual([{ type: 'SeatsAdded', data: { seats: 3 } }]);
  });

  it('answers a repeat of an older command with the state after its own events', async () => {
    for (let i = 0; i < 4; i++) await run(`c-${i}`, 1, pipeline, unlimited);
    const again = await run('c-1', 1, pipeline, unlimited);
    expect(again).toMatchObject({ appended: false, state: { seats: 2 } });
    expect(again.events.map((e) => e.revision)).toEqual([1n]);
    expect(await store.readStream('subscription-long')).toHaveLength(4);
  });
});

describe('CommandPipeline on a store whose reads take time', () => {
  it('concurrent commands on one stream never mistake each other’s appends for a broken history', async () => {
    const store = await openSqliteEventStore({ path: tempFile('pipeline-slow-') });
    const slow = Object.assign(Object.create(store) as EventStore, {
      readStream: async (id: string, options?: Parameters<EventStore['readStream']>[1]) => {
        const events = await store.readStream(id, options);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        return events;
      },
      append: (id: string, events: Parameters<EventStore['append']>[1], expected: Parameters<EventStore['append']>[2]) =>
        store.append(id, events, expected),
    });
    const pipeline = new CommandPipeline(slow, { maxAttempts: 50 });
    const unlimited: typeof seatCounter = { ...seatCounter, decide: (command) => [{ type: 'SeatsAdded', data: { seats: command.seats } }] };
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        pipeline.execute({
          streamId: 'subscription-busy',
          decider: unlimited,
          command: { type: 'AddSeats', seats: 1 },
          envelope: envelope(`busy-${i}`),
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
    expect(pipeline.integrity.brokenStreams()).toEqual([]);
    const events = await store.readStream('subscription-busy');
    expect(events).toHaveLength(12);
    expect(verifyStreamChain(events)).toEqual({ ok: true });
    await store.close();
  });
});
