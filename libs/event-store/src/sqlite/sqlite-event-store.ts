import type Database from 'better-sqlite3';
import { ChainLink, sealForStorage } from '../chain';
import { matchEarlierAppend } from '../idempotency';
import {
  AllSubscription,
  AppendResult,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  JsonObject,
  NewEvent,
  ReadAllOptions,
  RecordedStamp,
  ReadAllPage,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  WrongExpectedRevisionError,
} from '../port';
import {
  assertExpectedRevision,
  assertNewEvents,
  assertPosition,
  assertReadStreamOptions,
  assertStreamId,
  DEFAULT_PAGE_SIZE,
  monotonicRecordedAt,
  normalizeInstant,
  pageSize,
} from '../validation';
import { listenForAppends, signalAppend, signalKeyFor } from './append-signals';
import { openEventsDatabase, SqliteSynchronousMode } from './schema';
import { SqliteAllSubscription } from './sqlite-subscription';

export interface SqliteEventStoreOptions {
  /** The database file (created if missing). May be shared with the read models. */
  path: string;
  /** How often a live subscription looks for appends made by other processes (default 200 ms). */
  pollIntervalMs?: number;
  /** Source of recordedAt (default: the system clock). */
  clock?: () => Date;
  /**
   * FULL (default): each commit is fsynced, so an acknowledged append survives power loss, not
   * only a process crash. NORMAL in WAL mode survives kill -9 but may lose the last commits on
   * power loss.
   */
  synchronous?: SqliteSynchronousMode;
  /** How long an append waits for another connection's write (default 5000 ms). */
  busyTimeoutMs?: number;
  /** First global position of a fresh file (tests use it to start near 2^53). Ignored otherwise. */
  initialPosition?: bigint;
}

interface EventRow {
  position: bigint;
  stream_id: string;
  revision: bigint;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  hash: string;
}

interface PendingAppend {
  streamId: string;
  events: readonly NewEvent[];
  expected: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

type BatchOutcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/** Larger than any revision; SQLite INTEGER is 64-bit signed. */
const MAX_INT64 = 9223372036854775807n;

export async function openSqliteEventStore(options: SqliteEventStoreOptions): Promise<EventStore> {
  return new SqliteEventStore(options);
}

/**
 * The embedded event store: one SQLite file, one row per event. better-sqlite3 is synchronous, so
 * each append runs start to finish inside one IMMEDIATE transaction (write lock taken up front),
 * which makes the expected-revision check, the chain read and the inserts atomic against every
 * other connection to the file.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly signalKey: string;
  private readonly clock: () => Date;
  private readonly pollIntervalMs: number;
  private readonly subscriptions = new Set<SqliteAllSubscription>();
  private readonly statements;
  private readonly appendTransaction;
  private readonly batchTransaction;
  private pending: PendingAppend[] = [];
  private flushScheduled = false;

  constructor(options: SqliteEventStoreOptions) {
    this.db = openEventsDatabase({
      path: options.path,
      synchronous: options.synchronous ?? 'FULL',
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
      initialPosition: options.initialPosition,
    });
    this.signalKey = signalKeyFor(options.path);
    this.clock = options.clock ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    const columns = 'position, stream_id, revision, event_id, type, data, metadata, hash';
    this.statements = {
      tail: this.db.prepare<[string], { revision: bigint; hash: string }>(
        'SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
      ),
      latestRecordedAt: this.db.prepare<[], { recorded_at: string }>(
        "SELECT json_extract(metadata, '$.recordedAt') AS recorded_at FROM events ORDER BY position DESC LIMIT 1",
      ),
      byEventId: this.db.prepare<[string], EventRow>(`SELECT ${columns} FROM events WHERE event_id = ?`),
      insert: this.db.prepare<[string, bigint, string, string, string, string, string]>(
        'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      stream: this.db.prepare<[string, bigint, bigint, string | null, string | null], EventRow>(
        `SELECT ${columns} FROM events WHERE stream_id = ? AND revision >= ? AND revision <= ?
           AND (? IS NULL OR json_extract(metadata, '$.recordedAt') <= ?) ORDER BY revision`,
      ),
      // Served by events_stream_command (the expression must match the index's exactly).
      byCommand: this.db.prepare<[string, string], EventRow>(
        `SELECT ${columns} FROM events INDEXED BY events_stream_command
           WHERE stream_id = ? AND json_extract(metadata, '$.commandId') = ? ORDER BY revision`,
      ),
      all: this.db.prepare<[bigint, number], EventRow>(`SELECT ${columns} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
      head: this.db.prepare<[], { head: bigint | null }>('SELECT MAX(position) AS head FROM events'),
    };
    this.appendTransaction = this.db.transaction(
      (streamId: string, events: readonly NewEvent[], expected: ExpectedRevision, recordedAt: string): AppendResult =>
        this.appendInTransaction(streamId, events, expected, recordedAt),
    );
    this.batchTransaction = this.db.transaction((batch: readonly PendingAppend[]): BatchOutcome[] => {
      const recordedAt = monotonicRecordedAt(this.clock(), this.statements.latestRecordedAt.get()?.recorded_at ?? null);
      return batch.map((pending): BatchOutcome => {
        try {
          // Nested in the batch's transaction, so a SAVEPOINT: a refused or failing append rolls
          // back its own inserts only, and the others of the batch still commit.
          return { ok: true, result: this.appendTransaction(pending.streamId, pending.events, pending.expected, recordedAt) };
        } catch (error) {
          return { ok: false, error };
        }
      });
    });
  }

  /**
   * Group commit: appends that arrive while the event loop is busy (concurrent commands) are
   * queued and written together at the next turn, in one IMMEDIATE transaction and so one fsync.
   * Each is still checked against its own expected revision and sealed onto its own stream's
   * chain (in arrival order, so a later append to the same stream sees the earlier one), and a
   * refused or failing append fails alone. The promise resolves after the commit: an
   * acknowledged append is as durable as the synchronous mode makes a commit.
   */
  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    assertStreamId(streamId);
    assertExpectedRevision(expected);
    assertNewEvents(streamId, events);
    return new Promise<AppendResult>((resolve, reject) => {
      this.pending.push({ streamId, events, expected, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let outcomes: BatchOutcome[];
    try {
      if (!this.db.open) throw new Error('the event store is closed');
      outcomes = this.batchTransaction.immediate(batch);
    } catch (error) {
      // The transaction itself failed (busy, disk full, closed): nothing of the batch is stored.
      for (const pending of batch) pending.reject(error);
      return;
    }
    if (outcomes.some((outcome) => outcome.ok)) signalAppend(this.signalKey);
    outcomes.forEach((outcome, index) => (outcome.ok ? batch[index].resolve(outcome.result) : batch[index].reject(outcome.error)));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertStreamId(streamId);
    assertReadStreamOptions(options);
    const upTo = options.recordedUpTo === undefined ? null : normalizeInstant(options.recordedUpTo);
    const from = options.fromRevision ?? 0n;
    const to = options.toRevision ?? MAX_INT64;
    if (options.commandId !== undefined) {
      return this.statements.byCommand
        .all(streamId, options.commandId)
        .filter((row) => row.revision >= from && row.revision <= to)
        .map(toRecordedEvent)
        .filter((event) => upTo === null || event.metadata.recordedAt <= upTo);
    }
    return this.statements.stream.all(streamId, from, to, upTo, upTo).map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    assertPosition(options.after);
    return this.readPage(options.after ?? null, pageSize(options));
  }

  async headPosition(): Promise<bigint | null> {
    return this.statements.head.get()?.head ?? null;
  }

  subscribeToAll(options: SubscribeOptions = {}): AllSubscription {
    assertPosition(options.after);
    const subscription = new SqliteAllSubscription(
      {
        readPage: (after) => this.readPage(after, DEFAULT_PAGE_SIZE),
        listen: (onAppend) => listenForAppends(this.signalKey, onAppend),
        pollIntervalMs: this.pollIntervalMs,
      },
      options.after ?? null,
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    // Appends already accepted are written before the file closes.
    if (this.pending.length > 0 && this.db.open) this.flush();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    if (this.db.open) this.db.close();
  }

  private readPage(after: bigint | null, limit: number): ReadAllPage {
    // One row more than asked tells whether this page reaches the end of the log.
    const rows = this.statements.all.all(after ?? -1n, limit + 1);
    const events = rows.slice(0, limit).map(toRecordedEvent);
    return {
      events,
      lastPosition: events.length > 0 ? events[events.length - 1].position : after,
      isEnd: rows.length <= limit,
    };
  }

  private appendInTransaction(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision, recordedAt: string): AppendResult {
    const repeat = this.findEarlierAppend(streamId, events);
    if (repeat) return repeat;

    const tail = this.statements.tail.get(streamId);
    const actual = tail?.revision ?? null;
    if (expected === 'no-stream' ? actual !== null : expected !== 'any' && actual !== expected) {
      throw new WrongExpectedRevisionError(streamId, expected, actual);
    }
    const previous: ChainLink | null = tail ? { revision: tail.revision, hash: tail.hash } : null;

    const recorded: RecordedStamp[] = [];
    for (const event of sealForStorage(streamId, previous, events, recordedAt)) {
      const info = this.statements.insert.run(
        streamId,
        event.revision,
        event.eventId,
        event.type,
        event.canonicalData,
        event.canonicalMetadata,
        event.hash,
      );
      recorded.push({
        eventId: event.eventId,
        revision: event.revision,
        position: BigInt(info.lastInsertRowid),
        recordedAt,
        previousHash: event.previousHash,
        hash: event.hash,
      });
    }
    const last = recorded[recorded.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position, recorded };
  }

  /** A retried command re-sends the same ids: answer it from what is stored (see matchEarlierAppend). */
  private findEarlierAppend(streamId: string, events: readonly NewEvent[]): AppendResult | null {
    const stored = events.map((event) => {
      const row = this.statements.byEventId.get(event.eventId);
      return row && { streamId: row.stream_id, revision: row.revision, position: row.position, type: row.type, canonicalData: row.data };
    });
    return matchEarlierAppend(streamId, events, stored);
  }
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  const metadata = JSON.parse(row.metadata) as EventMetadata;
  metadata.hash = row.hash;
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    eventId: row.event_id,
    type: row.type,
    data: JSON.parse(row.data) as JsonObject,
    metadata,
  };
}
