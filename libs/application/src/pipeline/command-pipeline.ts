import { Decider, DomainEvent, isViolation } from '@channel-ledger/domain';
import {
  AppendResult,
  ChainLink,
  DuplicateEventIdError,
  EventStore,
  eventIdFor,
  JsonObject,
  linkOf,
  NewEvent,
  RecordedEvent,
  WrongExpectedRevisionError,
} from '@channel-ledger/event-store';
import { CommandEnvelope } from './command-envelope';
import { ConcurrencyConflictError, RuleViolationError } from './errors';
import { InMemorySnapshotStore, SnapshotStore } from './snapshots';
import { ChainGuard } from './stream-integrity';

export const EVENT_SCHEMA_VERSION = 1;

export interface StreamCommand<C, E extends DomainEvent, S> {
  streamId: string;
  decider: Decider<C, E, S>;
  command: C;
  envelope: CommandEnvelope;
}

export interface CommandOutcome<E extends DomainEvent, S> {
  /** False when this command id had already been handled: nothing was appended this time. */
  appended: boolean;
  /** The events this command produced (the original ones on a repeat). */
  events: RecordedEvent[];
  /** The stream's state after the command's events (on a repeat: after the original events). */
  state: S;
  /** Domain view of `events`. */
  domainEvents: E[];
}

export interface CommandPipelineOptions {
  /** How many times a concurrent write is retried (reload, decide again) before giving up. */
  maxAttempts?: number;
  /** Checks each stream's history before deciding on it (default: a ChainGuard of its own). */
  integrity?: ChainGuard;
  /** Folded states kept beside the log (default: an InMemorySnapshotStore of its own). */
  snapshots?: SnapshotStore;
}

/** A stream as the pipeline decides on it: the folded state and the link it ends with. */
interface LoadedStream<S> {
  state: S;
  /** The last event's link; null for a stream that does not exist yet. */
  head: ChainLink | null;
}

/**
 * The one way commands reach the log: load the stream, fold it, decide, append at the
 * revision that was read. A conflict means the state we decided on is stale, so the
 * whole cycle runs again (bounded). A command id seen before is answered from the log. Before
 * anything is decided the stream's history is checked (ChainGuard): a broken one is refused.
 *
 * Retries answer, they do not fail. A retry that races its own first attempt (two processes on
 * one file, a client resending before the first answer came back) passed the command-id lookup
 * before the first attempt was written, so it decides too, and its append collides: a
 * WrongExpectedRevisionError, a DuplicateEventIdError on the ids derived from this command id (its
 * events differ: they were decided at another occurredAt) or the store's answer that the same
 * events are already there. Each of these leads back to the log, and the command is answered from
 * it: `appended: false`, the first attempt's events and the state after them. So whatever a retry
 * carries that the first attempt did not (another occurredAt, hence another `addedAt` or deadline
 * in the data; another correlation id), every answer to one command id holds the same recorded
 * events, and they are written once. Ids reused by anything other than this command's first
 * attempt in this stream are still refused (DuplicateEventIdError).
 *
 * What a command reads: the events from the stream's last verified link (or its snapshot, when
 * older) to its end, which on a stream this process has written to is one event, and the events
 * of its own command id (an indexed lookup on SQLite). The state comes from the snapshot plus the
 * events after it; after appending, the recorded events are built from what the store reports
 * it stamped (no read-back) and become the next snapshot and verified link.
 */
export class CommandPipeline {
  private readonly maxAttempts: number;
  /** Refuses to decide on (and so to append to) a stream whose stored history is not intact. */
  readonly integrity: ChainGuard;
  /**
   * Folded states by stream. Call `snapshots.deleteStream(id)` (or `clear()`) when something
   * outside the pipeline changes what a stream folds to, such as erasing a person's data.
   */
  readonly snapshots: SnapshotStore;

  constructor(
    private readonly store: EventStore,
    options: CommandPipelineOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 10;
    this.integrity = options.integrity ?? new ChainGuard();
    this.snapshots = options.snapshots ?? new InMemorySnapshotStore();
  }

  async execute<C, E extends DomainEvent, S>(spec: StreamCommand<C, E, S>): Promise<CommandOutcome<E, S>> {
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const loaded = await this.load(spec);
      const repeat = await this.answerFromLog(spec, loaded);
      if (repeat) return repeat;

      const decision = spec.decider.decide(spec.command, loaded.state);
      if (isViolation(decision)) throw new RuleViolationError(decision);
      if (decision.length === 0) return { appended: false, events: [], domainEvents: [], state: loaded.state };

      const expected = loaded.head === null ? 'no-stream' : loaded.head.revision;
      const newEvents = decision.map((e, i) => toNewEvent(e, i, spec.envelope));
      let result: AppendResult;
      try {
        result = await this.store.append(spec.streamId, newEvents, expected);
      } catch (error) {
        // Someone wrote first, perhaps this command's own first attempt: the next round answers
        // it from the log, or decides again on the fresh state.
        if (error instanceof WrongExpectedRevisionError) {
          await backOff(attempt);
          continue;
        }
        if (error instanceof DuplicateEventIdError && newEvents.some((e) => e.eventId === error.eventId)) {
          return this.answerCollision(spec, error);
        }
        throw error;
      }
      const events = await this.recordedEvents(spec, newEvents, result, loaded.head);
      if (events === null) {
        const earlier = new DuplicateEventIdError(newEvents[0].eventId, `was already appended to ${spec.streamId} by another write`);
        return this.answerCollision(spec, earlier);
      }
      const domainEvents = events.map((e) => toDomain<E>(e));
      const state = domainEvents.reduce((s, e) => spec.decider.evolve(s, e), loaded.state);
      const last = linkOf(events[events.length - 1]);
      this.snapshots.put(spec.streamId, spec.decider, {
        revision: last.revision,
        hash: last.hash,
        version: versionOf(spec.decider),
        state,
      });
      return { appended: true, events, domainEvents, state };
    }
    // The last conflict may have been this command's own first attempt.
    const repeat = await this.answerFromLog(spec, await this.load(spec));
    if (repeat) return repeat;
    throw new ConcurrencyConflictError(spec.streamId, this.maxAttempts);
  }

  /**
   * The append collided with events under this command's own ids: answered from the log when they
   * are this command's first attempt in this stream (the ids `eventIdFor(commandId, i)`, in
   * order), refused with the store's error otherwise (the ids are in another stream, or carry
   * another command).
   */
  private async answerCollision<C, E extends DomainEvent, S>(
    spec: StreamCommand<C, E, S>,
    collision: DuplicateEventIdError,
  ): Promise<CommandOutcome<E, S>> {
    const repeat = await this.answerFromLog(spec, await this.load(spec));
    const { commandId } = spec.envelope;
    if (repeat && repeat.events.every((e, i) => e.eventId === eventIdFor(commandId, i))) return repeat;
    throw collision;
  }

  /** Snapshot + the events after it, checked by the ChainGuard from its last verified link. */
  private async load<C, E extends DomainEvent, S>(spec: StreamCommand<C, E, S>): Promise<LoadedStream<S>> {
    const { streamId, decider } = spec;
    const link = this.integrity.lastVerified(streamId);
    const stored = this.snapshots.get<S>(streamId, decider);
    const snapshot = stored && stored.version === versionOf(decider) ? stored : undefined;
    let from = 0n;
    if (link) from = snapshot && snapshot.revision < link.revision ? snapshot.revision : link.revision;
    const tail = await this.readFrom(streamId, from);
    await this.integrity.check(streamId, tail, {
      from,
      basis: link ?? null,
      readRevision: async (revision) =>
        (await this.store.readStream(streamId, { fromRevision: revision, toRevision: revision })).find((e) => e.revision === revision),
    });

    let state: S;
    let start: number;
    const at = snapshot && snapshot.revision >= from ? tail[Number(snapshot.revision - from)] : undefined;
    if (snapshot && at && at.revision === snapshot.revision && at.metadata.hash === snapshot.hash) {
      state = snapshot.state;
      start = Number(snapshot.revision - from) + 1;
    } else {
      // No snapshot, or one the log no longer bears out: fold from the events.
      if (stored) this.snapshots.deleteStream(streamId);
      const before = from === 0n ? [] : await this.store.readStream(streamId, { toRevision: from - 1n });
      state = before.reduce((s, e) => decider.evolve(s, toDomain<E>(e)), decider.initialState);
      start = 0;
    }
    for (let i = start; i < tail.length; i++) state = decider.evolve(state, toDomain<E>(tail[i]));
    const head = tail.length > 0 ? linkOf(tail[tail.length - 1]) : null;
    if (head && start < tail.length)
      this.snapshots.put(streamId, decider, { revision: head.revision, hash: head.hash, version: versionOf(decider), state });
    return { state, head };
  }

  /** The stream from `from` on (a store or decorator that ignores fromRevision is tolerated). */
  private async readFrom(streamId: string, from: bigint): Promise<RecordedEvent[]> {
    if (from === 0n) return this.store.readStream(streamId);
    const events = await this.store.readStream(streamId, { fromRevision: from });
    return events.length > 0 && events[0].revision < from ? events.filter((e) => e.revision >= from) : events;
  }

  /** A command id seen before is answered with its original events and the state after them. */
  private async answerFromLog<C, E extends DomainEvent, S>(
    spec: StreamCommand<C, E, S>,
    loaded: LoadedStream<S>,
  ): Promise<CommandOutcome<E, S> | null> {
    const { commandId } = spec.envelope;
    const found = (await this.store.readStream(spec.streamId, { commandId })).filter((e) => e.metadata.commandId === commandId);
    if (found.length === 0) return null;
    let end = 0;
    while (end + 1 < found.length && found[end + 1].revision === found[end].revision + 1n) end++;
    const events = found.slice(0, end + 1);
    const last = events[events.length - 1].revision;
    const state =
      loaded.head !== null && loaded.head.revision === last
        ? loaded.state
        : (await this.store.readStream(spec.streamId, { toRevision: last })).reduce(
            (s, e) => spec.decider.evolve(s, toDomain<E>(e)),
            spec.decider.initialState,
          );
    return { appended: false, events, domainEvents: events.map((e) => toDomain<E>(e)), state };
  }

  /**
   * The appended events as recorded: from the store's stamps when it reports them (no read-back),
   * otherwise read back. Null when what is stored under these ids is not this write: the store
   * recognized the same events as already there (same ids, type and data), written by an earlier
   * attempt with other metadata (another occurredAt) or by another command; the caller answers
   * from the log or refuses. An earlier attempt identical to the last byte cannot be told from this
   * write without a mark from the store, and its recorded events are the same either way.
   */
  private async recordedEvents<C, E extends DomainEvent, S>(
    spec: StreamCommand<C, E, S>,
    sent: NewEvent[],
    result: AppendResult,
    previous: ChainLink | null,
  ): Promise<RecordedEvent[] | null> {
    const stamps = result.recorded;
    if (stamps && stamps.length === sent.length && stamps.every((stamp, i) => stamp.eventId === sent[i].eventId)) {
      const events = sent.map((event, i): RecordedEvent => {
        const stamp = stamps[i];
        return {
          streamId: spec.streamId,
          revision: stamp.revision,
          position: stamp.position,
          eventId: event.eventId,
          type: event.type,
          data: event.data,
          metadata: {
            ...event.metadata,
            eventId: event.eventId,
            recordedAt: stamp.recordedAt,
            previousHash: stamp.previousHash,
            hash: stamp.hash,
          },
        };
      });
      this.integrity.noteAppendedLink(spec.streamId, previous, linkOf(events[events.length - 1]));
      return events;
    }
    const written = await this.store.readStream(spec.streamId);
    this.integrity.noteAppended(spec.streamId, written);
    const ids = new Set(sent.map((e) => e.eventId));
    const events = written.filter((e) => ids.has(e.eventId));
    if (events.length !== sent.length) throw new Error(`stream ${spec.streamId}: appended events could not be read back`);
    return events.every((event, i) => isWriteOf(event, sent[i])) ? events : null;
  }
}

/**
 * The stored event carries the metadata this write sent (decorators may rewrite the data, e.g.
 * upcasting, and the schema version, so those are left out: the store compared the data).
 */
function isWriteOf(stored: RecordedEvent, sent: NewEvent): boolean {
  const a = stored.metadata;
  const b = sent.metadata;
  return (
    a.commandId === b.commandId && a.occurredAt === b.occurredAt && a.correlationId === b.correlationId && a.causationId === b.causationId
  );
}

function versionOf(decider: object): number | null {
  return (decider as { snapshotVersion?: number }).snapshotVersion ?? null;
}

/** Jittered, growing pause so writers that collided do not collide again in lockstep. */
function backOff(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(100, 5 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function toDomain<E extends DomainEvent>(event: RecordedEvent): E {
  return { type: event.type, data: event.data } as unknown as E;
}

function toNewEvent(event: DomainEvent, index: number, envelope: CommandEnvelope): NewEvent {
  return {
    eventId: eventIdFor(envelope.commandId, index),
    type: event.type,
    data: event.data as JsonObject,
    metadata: {
      commandId: envelope.commandId,
      correlationId: envelope.correlationId,
      causationId: envelope.causationId,
      actor: envelope.actor,
      onBehalfOf: envelope.onBehalfOf,
      occurredAt: envelope.occurredAt,
      schemaVersion: EVENT_SCHEMA_VERSION,
    },
  };
}
