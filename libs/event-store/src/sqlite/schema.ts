import Database from 'better-sqlite3';
import { InvalidEventStoreInputError } from '../port';

export type SqliteSynchronousMode = 'FULL' | 'NORMAL';

export interface SqliteConnectionOptions {
  path: string;
  synchronous: SqliteSynchronousMode;
  /** How long a writer waits for another connection's write transaction before failing. */
  busyTimeoutMs: number;
  initialPosition?: bigint;
}

/**
 * position is the rowid (INTEGER PRIMARY KEY) with AUTOINCREMENT, so a position is never reused,
 * even after the last row is removed, and it is the log order. The hash is a column of its own
 * (not inside metadata) so the tail of a stream can be read without parsing JSON; metadata holds
 * everything else, recordedAt included.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id TEXT    NOT NULL,
  revision  INTEGER NOT NULL,
  event_id  TEXT    NOT NULL,
  type      TEXT    NOT NULL,
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  hash      TEXT    NOT NULL,
  CONSTRAINT events_stream_revision UNIQUE (stream_id, revision),
  CONSTRAINT events_event_id UNIQUE (event_id)
);
-- A retried command finds its first attempt by (stream, command id) without scanning the stream.
-- An expression index needs no new column, so an existing file gains it on open (built once).
CREATE INDEX IF NOT EXISTS events_stream_command ON events (stream_id, json_extract(metadata, '$.commandId'));`;

export function openEventsDatabase(options: SqliteConnectionOptions): Database.Database {
  const db = new Database(options.path);
  try {
    // WAL: a committed transaction is in the -wal file before the call returns, so kill -9 loses
    // nothing committed, and readers (subscriptions, other processes) never block the writer.
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous}`);
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs))}`);
    // Positions and revisions are bigint end to end: past 2^53 a JS number would silently round.
    db.defaultSafeIntegers(true);
    db.exec(SCHEMA);
    if (options.initialPosition !== undefined) seedInitialPosition(db, options.initialPosition);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Makes the first position of a fresh log `initialPosition` (AUTOINCREMENT continues from
 * sqlite_sequence). Ignored when the log already has events or a sequence: positions never move
 * backwards. Used by the contract suite to prove positions past 2^53 stay exact.
 */
function seedInitialPosition(db: Database.Database, initialPosition: bigint): void {
  if (typeof initialPosition !== 'bigint' || initialPosition < 1n) {
    throw new InvalidEventStoreInputError(`initialPosition must be a bigint >= 1, got ${String(initialPosition)}`);
  }
  db.transaction(() => {
    const hasEvents = db.prepare('SELECT 1 FROM events LIMIT 1').get() !== undefined;
    const hasSequence = db.prepare("SELECT 1 FROM sqlite_sequence WHERE name = 'events'").get() !== undefined;
    if (hasEvents || hasSequence) return;
    db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('events', ?)").run(initialPosition - 1n);
  }).immediate();
}
