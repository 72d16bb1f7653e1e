import Database from 'better-sqlite3';
import { checkpointOnly, SignedCheckpoint } from './checkpoint';
import { CheckpointConflictError, CheckpointStore } from './checkpoint-store';
import { StreamHead } from './stream-head';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS checkpoints (
  sequence INTEGER PRIMARY KEY,
  digest   TEXT NOT NULL UNIQUE,
  body     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS checkpoint_heads (
  stream_id TEXT    NOT NULL,
  sequence  INTEGER NOT NULL,
  revision  INTEGER NOT NULL,
  hash      TEXT    NOT NULL,
  event_id  TEXT    NOT NULL,
  position  INTEGER NOT NULL,
  PRIMARY KEY (stream_id, sequence)
) WITHOUT ROWID;`;

interface HeadRow {
  stream_id: string;
  revision: bigint;
  hash: string;
  event_id: string;
  position: bigint;
}

const toHead = (row: HeadRow): StreamHead => ({
  streamId: row.stream_id,
  revision: row.revision,
  hash: row.hash,
  eventId: row.event_id,
  position: row.position,
});

/**
 * Checkpoints in a SQLite file of their own (by default `<store>.checkpoints.sqlite` beside the
 * event store file), so that the events and their proof are two files to tamper with, not one.
 */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly appendTransaction;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.defaultSafeIntegers(true);
    this.db.exec(SCHEMA);
    const head = 'stream_id, revision, hash, event_id, position';
    this.statements = {
      latest: this.db.prepare<[], { body: string }>('SELECT body FROM checkpoints ORDER BY sequence DESC LIMIT 1'),
      bySequence: this.db.prepare<[number], { body: string }>('SELECT body FROM checkpoints WHERE sequence = ?'),
      list: this.db.prepare<[], { body: string }>('SELECT body FROM checkpoints ORDER BY sequence'),
      maxSequence: this.db.prepare<[], { sequence: bigint | null }>('SELECT MAX(sequence) AS sequence FROM checkpoints'),
      heads: this.db.prepare<[number], HeadRow>(
        `SELECT ${head} FROM checkpoint_heads h WHERE sequence =
           (SELECT MAX(sequence) FROM checkpoint_heads WHERE stream_id = h.stream_id AND sequence <= ?)
         ORDER BY stream_id`,
      ),
      headOf: this.db.prepare<[string, number], HeadRow>(
        `SELECT ${head} FROM checkpoint_heads WHERE stream_id = ? AND sequence <= ? ORDER BY sequence DESC LIMIT 1`,
      ),
      insert: this.db.prepare<[number, string, string]>('INSERT INTO checkpoints (sequence, digest, body) VALUES (?, ?, ?)'),
      insertHead: this.db.prepare<[string, number, bigint, string, string, bigint]>(
        'INSERT INTO checkpoint_heads (stream_id, sequence, revision, hash, event_id, position) VALUES (?, ?, ?, ?, ?, ?)',
      ),
    };
    this.appendTransaction = this.db.transaction((checkpoint: SignedCheckpoint, changed: readonly StreamHead[]) => {
      const latest = this.statements.maxSequence.get()?.sequence ?? 0n;
      if (BigInt(checkpoint.sequence) !== latest + 1n) throw new CheckpointConflictError(checkpoint.sequence);
      this.statements.insert.run(checkpoint.sequence, checkpoint.digest, JSON.stringify(checkpointOnly(checkpoint)));
      for (const h of changed) this.statements.insertHead.run(h.streamId, checkpoint.sequence, h.revision, h.hash, h.eventId, h.position);
    });
  }

  async latest(): Promise<SignedCheckpoint | null> {
    return parse(this.statements.latest.get());
  }

  async bySequence(sequence: number): Promise<SignedCheckpoint | null> {
    return parse(this.statements.bySequence.get(sequence));
  }

  async list(): Promise<SignedCheckpoint[]> {
    return this.statements.list.all().map((row) => parse(row)!);
  }

  async heads(sequence: number): Promise<StreamHead[]> {
    return this.statements.heads.all(sequence).map(toHead);
  }

  async headOf(streamId: string, sequence?: number): Promise<StreamHead | null> {
    const upTo = sequence ?? Number(this.statements.maxSequence.get()?.sequence ?? 0n);
    const row = this.statements.headOf.get(streamId, upTo);
    return row ? toHead(row) : null;
  }

  async append(checkpoint: SignedCheckpoint, changedHeads: readonly StreamHead[]): Promise<void> {
    this.appendTransaction.immediate(checkpoint, changedHeads);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function parse(row: { body: string } | undefined): SignedCheckpoint | null {
  return row ? (JSON.parse(row.body) as SignedCheckpoint) : null;
}

export async function openSqliteCheckpointStore(path: string): Promise<CheckpointStore> {
  return new SqliteCheckpointStore(path);
}

/** `data/channel-ledger.sqlite` → `data/channel-ledger.checkpoints.sqlite`. */
export function checkpointFileBeside(eventStorePath: string): string {
  return eventStorePath.replace(/(\.sqlite3?|\.db)?$/, '.checkpoints.sqlite');
}
