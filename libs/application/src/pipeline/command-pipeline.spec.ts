import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decider, DomainEvent, violation } from '@channel-ledger/domain';
import { EventStore, openSqliteEventStore, verifyStreamChain } from '@channel-ledger/event-store';
import { CommandEnvelope } from './command-envelope';
import { CommandPipeline } from './command-pipeline';
import { ConcurrencyConflictError, RuleViolationError } from './errors';

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
    store = await openSqliteEventStore({ path: join(mkdtempSync(join(tmpdir(), 'pipeline-')), 'events.sqlite') });
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
        readStream: (id: string) => store.readStream(id),
        append: async (id, events, expected) => {
          // Someone else always writes first.
          await store.append(id, [{ ...events[0], eventId: `${events[0].eventId}-${Math.random()}`, metadata: { ...events[0].metadata, commandId: `other-${Math.random()}` } }], 'any');
          return store.append(id, events, expected);
        },
      } as EventStore,
      { maxAttempts: 3 },
    );
    await expect(run('c-1', 1, impatient)).rejects.toThrow(ConcurrencyConflictError);
  });
});
