import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { BatchRejectedError, ReadDocument, ReadStore } from '@channel-ledger/read-store';

/**
 * Where each data subject's key lives, apart from the log: deleting a key is what erases the
 * person (the log keeps their ciphertexts, which nobody can read any more). Keys are AES-256 keys
 * (32 random bytes). Every adapter passes `testing/subject-key-store.contract.ts`.
 */
export interface SubjectKeyStore {
  /** The subject's key, or null when it never had one or was forgotten. */
  keyOf(subjectId: string): Promise<Buffer | null>;
  /** The subject's key, created now if it has none (a forgotten person who comes back gets a new one). */
  keyFor(subjectId: string): Promise<Buffer>;
  /** Deletes the key for good; true when there was one. */
  forget(subjectId: string): Promise<boolean>;
  close(): Promise<void>;
}

const newKey = (): Buffer => randomBytes(32);

export class InMemorySubjectKeyStore implements SubjectKeyStore {
  private readonly keys = new Map<string, Buffer>();
  async keyOf(subjectId: string): Promise<Buffer | null> {
    return this.keys.get(subjectId) ?? null;
  }
  async keyFor(subjectId: string): Promise<Buffer> {
    let key = this.keys.get(subjectId);
    if (!key) this.keys.set(subjectId, (key = newKey()));
    return key;
  }
  async forget(subjectId: string): Promise<boolean> {
    const key = this.keys.get(subjectId);
    key?.fill(0);
    return this.keys.delete(subjectId);
  }
  async close(): Promise<void> {}
}

/**
 * The embedded default: a SQLite file of its own beside the events file (`subject-keys.sqlite`),
 * so a copy of the log is not a copy of the keys. `secure_delete` overwrites a deleted key's bytes
 * and the WAL is checkpointed after each deletion, so a forgotten key is gone from the disk.
 */
export class SqliteSubjectKeyStore implements SubjectKeyStore {
  private readonly db: Database.Database;
  private readonly select;
  private readonly insert;
  private readonly insertAll;
  private pending = new Map<string, Array<{ resolve(key: Buffer): void; reject(error: unknown): void }>>();

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec('CREATE TABLE IF NOT EXISTS subject_keys (subject_id TEXT PRIMARY KEY, key BLOB NOT NULL) WITHOUT ROWID');
    this.select = this.db.prepare<[string], { key: Buffer }>('SELECT key FROM subject_keys WHERE subject_id = ?');
    this.insert = this.db.prepare<[string, Buffer]>('INSERT OR IGNORE INTO subject_keys (subject_id, key) VALUES (?, ?)');
    this.insertAll = this.db.transaction((subjects: string[]) => {
      for (const subject of subjects) this.insert.run(subject, newKey());
    });
  }

  async keyOf(subjectId: string): Promise<Buffer | null> {
    const row = this.select.get(subjectId);
    return row ? Buffer.from(row.key) : null;
  }

  async keyFor(subjectId: string): Promise<Buffer> {
    const known = await this.keyOf(subjectId);
    if (known) return known;
    // A new person: the key is durable (synchronous=FULL) before any ciphertext under it reaches
    // the log, so the caller waits for the commit. New keys asked for in the same turn of the event
    // loop share one transaction (one fsync). INSERT OR IGNORE then read: two processes creating
    // the same subject's key agree on one.
    return new Promise<Buffer>((resolve, reject) => {
      const waiting = this.pending.get(subjectId);
      if (waiting) return waiting.push({ resolve, reject });
      this.pending.set(subjectId, [{ resolve, reject }]);
      if (this.pending.size === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = new Map();
    try {
      this.insertAll.immediate([...batch.keys()]);
    } catch (error) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
      return;
    }
    for (const [subject, waiters] of batch) {
      const key = this.select.get(subject)!.key;
      for (const w of waiters) w.resolve(Buffer.from(key));
    }
  }

  async forget(subjectId: string): Promise<boolean> {
    const { changes } = this.db.prepare('DELETE FROM subject_keys WHERE subject_id = ?').run(subjectId);
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return changes > 0;
  }

  async close(): Promise<void> {
    if (this.pending.size > 0 && this.db.open) this.flush();
    if (this.db.open) this.db.close();
  }
}

export const SUBJECT_KEYS_COLLECTION = 'ledger_subject_keys';

type KeyDocument = ReadDocument & { subject: string; key: string };

/**
 * The production stack: a collection of the read store (MongoDB), apart from the events in
 * EventStoreDB and outside every projection (no rebuild drops it). Each key is a document of its
 * own id with a unique index on its subject, so two processes creating the same person's key at
 * once cannot overwrite each other: the second is refused and uses the first's. The read store
 * stays its opener's to close unless `owned`.
 */
export class ReadStoreSubjectKeyStore implements SubjectKeyStore {
  private ready: Promise<void> | null = null;
  /** `owned`: the key store opened this read store for itself and closes it. */
  constructor(
    private readonly readStore: ReadStore,
    private readonly owned = false,
  ) {}

  async keyOf(subjectId: string): Promise<Buffer | null> {
    const doc = await this.documentOf(subjectId);
    return doc ? Buffer.from(doc.key, 'base64') : null;
  }

  async keyFor(subjectId: string): Promise<Buffer> {
    const existing = await this.keyOf(subjectId);
    if (existing) return existing;
    const document: KeyDocument = { id: randomBytes(16).toString('hex'), subject: subjectId, key: newKey().toString('base64') };
    try {
      await this.readStore.commit({ operations: [{ type: 'put', collection: SUBJECT_KEYS_COLLECTION, document }] });
    } catch (error) {
      if (!(error instanceof BatchRejectedError)) throw error;
    }
    return (await this.keyOf(subjectId))!;
  }

  async forget(subjectId: string): Promise<boolean> {
    const doc = await this.documentOf(subjectId);
    if (!doc) return false;
    await this.readStore.commit({ operations: [{ type: 'delete', collection: SUBJECT_KEYS_COLLECTION, id: doc.id }] });
    return true;
  }

  async close(): Promise<void> {
    if (this.owned) await this.readStore.close();
  }

  private async documentOf(subjectId: string): Promise<KeyDocument | null> {
    await this.declare();
    const page = await this.readStore.find(SUBJECT_KEYS_COLLECTION, { where: { subject: subjectId }, limit: 1 });
    return (page.documents[0] as KeyDocument | undefined) ?? null;
  }

  private declare(): Promise<void> {
    this.ready ??= this.readStore.ensureCollection({ name: SUBJECT_KEYS_COLLECTION, indexes: [{ fields: ['subject'], unique: true }] });
    return this.ready;
  }
}

/** The embedded default's key file, beside the events file. */
export function subjectKeyFileBeside(eventStorePath: string): string {
  return join(dirname(eventStorePath), 'subject-keys.sqlite');
}
