import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decider, DomainEvent } from '@channel-ledger/domain';
import {
  AppendResult,
  canonicalJson,
  DuplicateEventIdError,
  eventIdFor,
  EventStore,
  EventStoreDbEventStore,
  ExpectedRevision,
  NewEvent,
  openSqliteEventStore,
  RecordedEvent,
  verifyStreamChain,
  ForwardingEventStore,
} from '@channel-ledger/event-store';
// The in-memory stand-in for the EventStoreDB client (no server needed); see its header.
import { FakeEsdbLog, fakeEsdbClient } from '@channel-ledger/event-store/testing/fake-esdb-client';
import { CommandEnvelope } from './command-envelope';
import { CommandOutcome, CommandPipeline } from './command-pipeline';

/**
 * Issue 11, "retries that answer, not fail": a retry that races its own first attempt (two API
 * processes on one file: two pipelines, two connections) is answered from the log, byte for byte,
 * whatever occurredAt it carries; ids reused by anything else are still refused. Real stores; the
 * only thing between pipeline and store is a gate that holds each writer's first append until
 * both have decided, so the race happens every time.
 */

type SeatsAdded = DomainEvent<'SeatsAdded', { seats: number; addedAt?: string }>;
type AddSeats = { type: 'AddSeats'; seats: number; now: string; events?: number };
type Seats = { seats: number };

/** Records when the seats were added (from the command's time): a later retry decides other data. */
const stamped: Decider<AddSeats, SeatsAdded, Seats> = {
  initialState: { seats: 0 },
  decide: (command) =>
    Array.from({ length: command.events ?? 1 }, () => ({ type: 'SeatsAdded', data: { seats: command.seats, addedAt: command.now } })),
  evolve: (state, event) => ({ seats: state.seats + event.data.seats }),
};

/** The same events whenever it runs: a retry decides the same data, only the metadata differs. */
const timeless: Decider<AddSeats, SeatsAdded, Seats> = {
  ...stamped,
  decide: (command) => Array.from({ length: command.events ?? 1 }, () => ({ type: 'SeatsAdded', data: { seats: command.seats } })),
};

const STREAM = 'subscription-race';

function envelope(commandId: string, occurredAt: string): CommandEnvelope {
  return {
    commandId,
    // Another correlation id per attempt too, as a client retrying without one gets.
    correlationId: `${commandId}@${occurredAt}`,
    causationId: commandId,
    actor: { kind: 'reseller', id: 'r-1' },
    onBehalfOf: null,
    occurredAt,
  };
}

function run(
  pipeline: CommandPipeline,
  commandId: string,
  occurredAt: string,
  decider = stamped,
  events = 1,
): Promise<CommandOutcome<SeatsAdded, Seats>> {
  return pipeline.execute({
    streamId: STREAM,
    decider,
    command: { type: 'AddSeats', seats: 2, now: occurredAt, events },
    envelope: envelope(commandId, occurredAt),
  });
}

/** The events as the log's canonical bytes (what is hashed and stored). */
function bytes(events: RecordedEvent[]): string {
  return canonicalJson(events.map((e) => ({ ...e, revision: e.revision.toString(), position: e.position.toString() })));
}

/** A real store whose first append waits until every party's first append has arrived. */
class Gated extends ForwardingEventStore {
  private waited = false;
  constructor(
    inner: EventStore,
    private readonly gate: { arrive(): Promise<void> },
  ) {
    super(inner);
  }

  override async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (!this.waited) {
      this.waited = true;
      await this.gate.arrive();
    }
    return this.inner.append(streamId, events, expected);
  }
}

function gateFor(parties: number): { arrive(): Promise<void> } {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    arrive() {
      if (++arrived === parties) open();
      return opened;
    },
  };
}

interface TwoConnections {
  /** Two connections to one log, as two API processes sharing it have. */
  first: EventStore;
  second: EventStore;
  /** Whether the store refuses an id already used in another stream (EventStoreDB cannot tell). */
  detectsIdsAcrossStreams: boolean;
  close(): Promise<void>;
}

const adapters: Array<[string, () => Promise<TwoConnections>]> = [
  [
    'SQLite (two connections to one file)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pipeline-race-'));
      const path = join(dir, 'events.sqlite');
      const first = await openSqliteEventStore({ path });
      const second = await openSqliteEventStore({ path });
      return {
        first,
        second,
        detectsIdsAcrossStreams: true,
        async close() {
          await first.close();
          await second.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    'EventStoreDB adapter (two clients of one fake server)',
    async () => {
      const log = new FakeEsdbLog();
      const first = new EventStoreDbEventStore(fakeEsdbClient(log));
      const second = new EventStoreDbEventStore(fakeEsdbClient(log));
      return {
        first,
        second,
        detectsIdsAcrossStreams: false,
        async close() {
          await first.close();
          await second.close();
        },
      };
    },
  ],
];

describe.each(adapters)('CommandPipeline: a retry racing its own first attempt, on %s', (_name, open) => {
  let stores: TwoConnections;

  beforeEach(async () => {
    stores = await open();
  });
  afterEach(() => stores.close());

  /** The same command id sent to both processes at once, each at its own time. */
  async function race(decider: typeof stamped, events: number) {
    const gate = gateFor(2);
    const a = new CommandPipeline(new Gated(stores.first, gate));
    const b = new CommandPipeline(new Gated(stores.second, gate));
    const outcomes = await Promise.allSettled([
      run(a, 'c-race', '2026-11-23T10:00:00.000Z', decider, events),
      run(b, 'c-race', '2026-11-23T10:00:07.000Z', decider, events),
    ]);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
    return { a, b, answers: outcomes.map((o) => (o as PromiseFulfilledResult<CommandOutcome<SeatsAdded, Seats>>).value) };
  }

  it.each([
    ['data decided from its own time (addedAt differs)', stamped, 1],
    ['data decided from its own time, two events', stamped, 2],
    ['the same data, other metadata (occurredAt, correlation id)', timeless, 1],
  ] as const)('%s: appended once, both answered with the same recorded events, no error', async (_case, decider, events) => {
    const { a, answers } = await race(decider, events);

    expect(answers.map((o) => o.appended).sort()).toEqual([false, true]);
    const stored = await stores.first.readStream(STREAM);
    expect(stored).toHaveLength(events);
    expect(verifyStreamChain(stored)).toEqual({ ok: true });
    expect(stored.map((e) => e.eventId)).toEqual(Array.from({ length: events }, (_, i) => eventIdFor('c-race', i)));
    for (const answer of answers) {
      expect(bytes(answer.events)).toBe(bytes(stored));
      expect(answer.state).toEqual({ seats: 2 * events });
    }
    // The winner's time is what the log and every answer hold.
    const winner = answers.find((o) => o.appended)!;
    expect(stored[0].metadata.occurredAt).toBe(winner.events[0].metadata.occurredAt);

    // A retry after the fact, at yet another time, on either process: the same bytes again.
    const later = await run(a, 'c-race', '2026-11-24T09:00:00.000Z', decider, events);
    const elsewhere = await run(new CommandPipeline(stores.second), 'c-race', '2026-11-25T09:00:00.000Z', decider, events);
    for (const retry of [later, elsewhere]) {
      expect(retry.appended).toBe(false);
      expect(bytes(retry.events)).toBe(bytes(stored));
      expect(retry.state).toEqual({ seats: 2 * events });
    }
    expect(await stores.first.readStream(STREAM)).toHaveLength(events);
  });

  it('a racing retry leaves both processes able to go on: the next command lands after it', async () => {
    const { a, b } = await race(stamped, 1);
    await run(b, 'c-next', '2026-11-23T11:00:00.000Z');
    const after = await run(a, 'c-after', '2026-11-23T12:00:00.000Z');
    expect(after).toMatchObject({ appended: true, state: { seats: 6 } });
    const stored = await stores.first.readStream(STREAM);
    expect(stored.map((e) => e.metadata.commandId)).toEqual(['c-race', 'c-next', 'c-after']);
    expect(verifyStreamChain(stored)).toEqual({ ok: true });
  });

  /** Someone else's write, under the ids this command's events will get. */
  async function foreignWrite(streamId: string, data: SeatsAdded['data'], commandId = 'someone-else') {
    await stores.first.append(
      streamId,
      [
        {
          eventId: eventIdFor('c-victim', 0),
          type: 'SeatsAdded',
          data,
          metadata: { ...envelope(commandId, '2026-11-20T00:00:00.000Z'), schemaVersion: 1 },
        },
      ],
      'any',
    );
  }

  it('refuses a command whose ids another command used with other content in this stream', async () => {
    await foreignWrite(STREAM, { seats: 9 });
    const pipeline = new CommandPipeline(stores.second);
    await expect(run(pipeline, 'c-victim', '2026-11-23T10:00:00.000Z', timeless)).rejects.toThrow(DuplicateEventIdError);
    expect((await stores.first.readStream(STREAM)).map((e) => e.metadata.commandId)).toEqual(['someone-else']);
  });

  it('refuses a command whose ids another command used with the very same content', async () => {
    await foreignWrite(STREAM, { seats: 2 });
    const pipeline = new CommandPipeline(stores.second);
    await expect(run(pipeline, 'c-victim', '2026-11-23T10:00:00.000Z', timeless)).rejects.toThrow(DuplicateEventIdError);
    expect(await stores.first.readStream(STREAM)).toHaveLength(1);
  });

  it('refuses a command id whose events are already in another stream', async () => {
    if (!stores.detectsIdsAcrossStreams) return; // EventStoreDB keeps ids per stream
    await foreignWrite('subscription-elsewhere', { seats: 2 }, 'c-victim');
    const pipeline = new CommandPipeline(stores.second);
    await expect(run(pipeline, 'c-victim', '2026-11-23T10:00:00.000Z', timeless)).rejects.toThrow(DuplicateEventIdError);
    expect(await stores.first.readStream(STREAM)).toEqual([]);
  });
});
