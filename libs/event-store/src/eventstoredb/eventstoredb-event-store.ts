import {
  AllStreamRecordedEvent,
  AllStreamResolvedEvent,
  BACKWARDS,
  END,
  EventStoreDBClient,
  ErrorType,
  FORWARDS,
  ReadPosition,
  ResolvedEvent,
  START,
  StreamNotFoundError,
  StreamingRead,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { canonicalJson, SealedEvent, sealEvents } from '../chain';
import { matchEarlierAppend } from '../idempotency';
import {
  AllSubscription,
  AppendResult,
  AppendTooLargeError,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  WrongExpectedRevisionError,
} from '../port';
import {
  assertExpectedRevision,
  assertLowercaseUuidEventIds,
  assertNewEvents,
  assertPosition,
  assertReadStreamOptions,
  assertStreamId,
  monotonicRecordedAt,
  normalizeInstant,
  pageSize,
} from '../validation';
import { errorType } from './esdb-errors';
import { EsdbAllSubscription, SubscriptionIncident } from './esdb-subscription';
import {
  commitPositionOf,
  fromEsdbCurrentRevision,
  fromEsdbRecordedEvent,
  isSystemEvent,
  toEsdbEventData,
  toEsdbExpectedRevision,
} from './esdb-mapping';

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://admin:changeit@localhost:2113?tls=false`; reading $all needs an admin (or ops) user. */
  connectionString: string;
  /** Source of recordedAt (default: the system clock). */
  clock?: () => Date;
  /** First pause before resubscribing after a dropped subscription (default 500 ms). */
  subscriptionRetryDelayMs?: number;
  /** Told of every dropped (and resubscribing) or stopped $all subscription; see also onSubscriptionIncident(). */
  onSubscriptionIncident?: (incident: SubscriptionIncident) => void;
}

/** How the store's live subscriptions fare, for readiness and logs. */
export interface SubscriptionHealth {
  /** Subscriptions open now. */
  open: number;
  /** Drops since the store opened (each followed by a resubscription). */
  drops: number;
  /** Subscriptions waiting to resubscribe after a drop, right now. */
  reconnecting: number;
  lastDrop: { at: string; reason: string } | null;
  /** The last subscription that stopped for good, and why; cleared once a subscription connects again. */
  stopped: { at: string; reason: string } | null;
}

export type { SubscriptionIncident };

/**
 * How far back an append looks for its own event ids to recognize a retried command. EventStoreDB
 * cannot look an event up by id, so a retry whose original is further back than this is not
 * recognized here (the command pipeline recognizes repeats by command id before appending anyway).
 */
const IDEMPOTENCY_WINDOW = 100;
/** Appends with expected 'any' re-read and re-seal after losing a race; this bounds the retries. */
const MAX_ANY_ATTEMPTS = 10;
/** $all is read in chunks of at least this many records: system events are skipped client-side. */
const MIN_READ_CHUNK = 64;

export async function openEventStoreDbEventStore(options: EventStoreDbEventStoreOptions): Promise<EventStore> {
  return new EventStoreDbEventStore(EventStoreDBClient.connectionString(options.connectionString), options);
}

/**
 * The production event store. Kept thin: ESDB does the storage, ordering and concurrency; this
 * adapter adds the hash chain (it reads the stream's last event and appends at exactly that
 * revision, so concurrent writers can never fork the chain) and speaks the port's types.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly clock: () => Date;
  private readonly subscriptions = new Set<EsdbAllSubscription>();
  private readonly reconnecting = new Set<EsdbAllSubscription>();
  private readonly incidentListeners = new Set<(incident: SubscriptionIncident) => void>();
  private readonly health: Omit<SubscriptionHealth, 'open' | 'reconnecting'> = { drops: 0, lastDrop: null, stopped: null };

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: Omit<EventStoreDbEventStoreOptions, 'connectionString'> = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    assertStreamId(streamId);
    assertExpectedRevision(expected);
    assertNewEvents(streamId, events);
    assertLowercaseUuidEventIds(streamId, events);

    for (let attempt = 1; ; attempt++) {
      const tail = await this.readTail(streamId, IDEMPOTENCY_WINDOW + events.length);
      const repeat = matchEarlierAppend(
        streamId,
        events,
        events.map((event) => identityIn(tail, event.eventId)),
      );
      if (repeat) return repeat;

      const last = tail[0] ?? null;
      const actual = last?.revision ?? null;
      if (expected === 'no-stream' ? actual !== null : expected !== 'any' && actual !== expected) {
        throw new WrongExpectedRevisionError(streamId, expected, actual);
      }
      const recordedAt = monotonicRecordedAt(this.clock(), last?.metadata.recordedAt ?? null);
      const sealed = sealEvents(streamId, last && { revision: last.revision, hash: last.metadata.hash }, events, recordedAt);
      try {
        // Always the revision we sealed against, even for 'any': otherwise a concurrent writer
        // could slip in between and our previousHash would point at the wrong event.
        const result = await this.client.appendToStream(streamId, sealed.map(toEsdbEventData), {
          expectedRevision: toEsdbExpectedRevision(actual === null ? 'no-stream' : actual),
        });
        // For a one-event append the reported commit position is that event's own. For larger
        // appends the server's reported position is not documented to be the last event's, and a
        // write the server took as a repeat of an earlier one (same ids at the same expected
        // revision: its own idempotency) reports none, so read the events back by revision.
        const reported = sealed.length === 1 ? result.position?.commit : undefined;
        if (reported !== undefined) return { nextExpectedRevision: result.nextExpectedRevision, position: reported };
        return await this.confirmAppend(streamId, events, sealed, result.nextExpectedRevision);
      } catch (error) {
        if (errorType(error) === ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED) {
          throw new AppendTooLargeError(streamId, null, (error as { maxAppendSize?: number }).maxAppendSize ?? 0);
        }
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        // Lost a race. Go round again: the re-read recognizes a concurrent identical retry,
        // refuses a stale exact revision with the actual one, or re-seals an 'any' append.
        if (attempt >= (expected === 'any' ? MAX_ANY_ATTEMPTS : 2)) {
          throw new WrongExpectedRevisionError(streamId, expected, fromEsdbCurrentRevision(error.actualVersion));
        }
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertStreamId(streamId);
    assertReadStreamOptions(options);
    const upTo = options.recordedUpTo === undefined ? null : normalizeInstant(options.recordedUpTo);
    if (options.toRevision !== undefined && options.toRevision < (options.fromRevision ?? 0n)) return [];
    const read = this.client.readStream(streamId, {
      direction: FORWARDS,
      fromRevision: options.fromRevision ?? START,
      ...(options.toRevision !== undefined && { maxCount: options.toRevision + 1n - (options.fromRevision ?? 0n) }),
    });
    const events: RecordedEvent[] = [];
    await readToEnd(read, (resolved) => {
      if (resolved.event === undefined) return true;
      const event = fromEsdbRecordedEvent(resolved.event, commitPositionOf(resolved.event));
      // recordedAt never decreases within a stream (see monotonicRecordedAt), so stop at the bound.
      if (upTo !== null && event.metadata.recordedAt > upTo) return false;
      // No index on command ids here: the stream is filtered as it is read.
      if (options.commandId === undefined || event.metadata.commandId === options.commandId) events.push(event);
      return true;
    });
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    assertPosition(options.after);
    const limit = pageSize(options);
    const after = options.after ?? null;
    const collected: RecordedEvent[] = [];
    // ESDB reads $all from a position inclusively; `seen` makes it exclusive, also across chunks.
    let seen = after;
    let from: ReadPosition = after === null ? START : { commit: after, prepare: after };
    let reachedEnd = false;
    const chunk = Math.max(limit + 1, MIN_READ_CHUNK);
    while (collected.length <= limit && !reachedEnd) {
      let records = 0;
      await readToEnd(
        this.client.readAll({ direction: FORWARDS, fromPosition: from, maxCount: chunk, resolveLinkTos: false }),
        (resolved) => {
          records++;
          const event = resolved.event;
          if (event === undefined) return true;
          from = event.position;
          const position = event.position.commit;
          if (seen !== null && position <= seen) return true;
          seen = position;
          if (!isSystemEvent(event)) collected.push(fromEsdbRecordedEvent(event, position));
          return true;
        },
      );
      reachedEnd = records < chunk;
    }
    const events = collected.slice(0, limit);
    return {
      events,
      lastPosition: events.length > 0 ? events[events.length - 1].position : after,
      isEnd: reachedEnd && collected.length <= limit,
    };
  }

  /** The newest non-system event's position: what a caught-up projection's checkpoint equals. */
  async headPosition(): Promise<bigint | null> {
    let from: ReadPosition = END;
    for (;;) {
      const records: AllStreamResolvedEvent[] = await readChunk(
        this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: MIN_READ_CHUNK, resolveLinkTos: false }),
      );
      const events: AllStreamRecordedEvent[] = records.flatMap((resolved) => (resolved.event === undefined ? [] : [resolved.event]));
      const newest = events.find((event) => !isSystemEvent(event));
      if (newest) return newest.position.commit;
      // Only system events so far (or none): keep going back. Reading backwards from a
      // position includes it again, which is harmless here.
      if (records.length < MIN_READ_CHUNK || events.length === 0) return null;
      from = events[events.length - 1].position;
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): AllSubscription {
    assertPosition(options.after);
    const subscription: EsdbAllSubscription = new EsdbAllSubscription(this.client, {
      after: options.after ?? null,
      retryDelayMs: this.options.subscriptionRetryDelayMs ?? 500,
      onIncident: (incident) => this.recordIncident(subscription, incident),
      onConnected: () => {
        this.reconnecting.delete(subscription);
        // A subscription that connects after a stop (a projection retried) means the cause is gone.
        this.health.stopped = null;
      },
      onClosed: (closed) => {
        this.subscriptions.delete(closed);
        this.reconnecting.delete(closed);
      },
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Open, dropped, reconnecting and stopped subscriptions of this store. */
  subscriptionHealth(): SubscriptionHealth {
    return { open: this.subscriptions.size, reconnecting: this.reconnecting.size, ...structuredClone(this.health) };
  }

  /** Calls `listener` for every drop and stop of a subscription of this store; returns the unsubscribe. */
  onSubscriptionIncident(listener: (incident: SubscriptionIncident) => void): () => void {
    this.incidentListeners.add(listener);
    return () => this.incidentListeners.delete(listener);
  }

  private recordIncident(subscription: EsdbAllSubscription, incident: SubscriptionIncident): void {
    const at = this.clock().toISOString();
    if (incident.kind === 'dropped') {
      this.health.drops++;
      this.health.lastDrop = { at, reason: incident.reason };
      this.reconnecting.add(subscription);
    } else {
      this.health.stopped = { at, reason: incident.reason };
      this.reconnecting.delete(subscription);
    }
    for (const listener of [this.options.onSubscriptionIncident, ...this.incidentListeners]) {
      try {
        listener?.(incident);
      } catch {
        // A listener's failure must not break the subscription.
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /** The stream's last events, newest first; empty when the stream does not exist. */
  private async readTail(streamId: string, count: number): Promise<RecordedEvent[]> {
    const tail: RecordedEvent[] = [];
    await readToEnd(this.client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: count }), (resolved) => {
      if (resolved.event !== undefined) tail.push(fromEsdbRecordedEvent(resolved.event, commitPositionOf(resolved.event)));
      return true;
    });
    return tail;
  }

  /**
   * Reads back the revisions the server says it wrote. Ours (same hashes): their last position.
   * Otherwise the server recognized the ids as an earlier append of the same events (a concurrent
   * retry won the race): answered like any retry, the original result, or DuplicateEventIdError if
   * the earlier events carry other content under these ids.
   */
  private async confirmAppend(
    streamId: string,
    events: readonly NewEvent[],
    sealed: SealedEvent[],
    lastRevision: bigint,
  ): Promise<AppendResult> {
    const first = lastRevision - BigInt(sealed.length - 1);
    const stored: RecordedEvent[] = [];
    await readToEnd(
      this.client.readStream(streamId, { direction: FORWARDS, fromRevision: first < 0n ? 0n : first, maxCount: sealed.length }),
      (resolved) => {
        if (resolved.event !== undefined) stored.push(fromEsdbRecordedEvent(resolved.event, commitPositionOf(resolved.event)));
        return true;
      },
    );
    if (stored.length === sealed.length && stored.every((event, i) => event.metadata.hash === sealed[i].metadata.hash)) {
      return { nextExpectedRevision: lastRevision, position: stored[stored.length - 1].position };
    }
    const repeat = matchEarlierAppend(
      streamId,
      events,
      events.map((event) => identityIn(stored, event.eventId)),
    );
    if (repeat) return repeat;
    throw new Error(`stream ${streamId}: the append at revision ${first}..${lastRevision} could not be read back`);
  }
}

/**
 * Iterates a read, stopping early when `onEvent` returns false; a missing stream reads as empty.
 * A read left before its end (stopped early, or failed) is cancelled: breaking out of the loop
 * only destroys the client's Node stream, while the gRPC call behind it would keep streaming.
 */
export async function readToEnd<E extends ResolvedEvent | AllStreamResolvedEvent>(
  read: StreamingRead<E>,
  onEvent: (event: E) => boolean,
): Promise<void> {
  let ended = false;
  try {
    let stopped = false;
    for await (const resolved of read) {
      if (!onEvent(resolved)) {
        stopped = true;
        break;
      }
    }
    ended = !stopped;
  } catch (error) {
    if (errorType(error) === ErrorType.STREAM_NOT_FOUND || error instanceof StreamNotFoundError) {
      ended = true;
      return;
    }
    throw error;
  } finally {
    if (!ended) await read.cancel().catch(() => undefined);
  }
}

async function readChunk<E extends ResolvedEvent | AllStreamResolvedEvent>(read: StreamingRead<E>): Promise<E[]> {
  const records: E[] = [];
  await readToEnd(read, (resolved) => records.push(resolved) > 0);
  return records;
}

function identityIn(tail: readonly RecordedEvent[], eventId: string) {
  const found = tail.find((event) => event.eventId === eventId);
  return (
    found && {
      streamId: found.streamId,
      revision: found.revision,
      position: found.position,
      type: found.type,
      canonicalData: canonicalJson(found.data),
    }
  );
}
