import Database, { Database as SqliteDatabase } from 'better-sqlite3';
import { assertLeaseArguments, LeaseInfo, LeaseStore } from './lease-store';

export interface SqliteLeaseStoreOptions {
  /** The read store's file (this opens its own connection). */
  path: string;
  busyTimeoutMs?: number;
}

const LEASE_DDL =
  'CREATE TABLE IF NOT EXISTS read_store_leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID';

/** Leases in a table of the read store's SQLite file; each operation is one IMMEDIATE transaction (the write lock is taken before reading). */
export async function openSqliteLeaseStore(options: SqliteLeaseStoreOptions): Promise<LeaseStore> {
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
  db.exec(LEASE_DDL);
  return new SqliteLeaseStore(db);
}

interface Row {
  holder: string;
  expires_at: number;
}

class SqliteLeaseStore implements LeaseStore {
  constructor(private readonly db: SqliteDatabase) {}

  async tryAcquire(name: string, holder: string, ttlMs: number, now: number): Promise<boolean> {
    assertLeaseArguments(name, holder, ttlMs, now);
    return this.db
      .transaction(() => {
        const row = this.row(name);
        if (row && row.holder !== holder && row.expires_at > now) return false;
        this.db
          .prepare(
            'INSERT INTO read_store_leases (name, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at',
          )
          .run(name, holder, now + ttlMs);
        return true;
      })
      .immediate();
  }

  async renew(name: string, holder: string, ttlMs: number, now: number): Promise<boolean> {
    assertLeaseArguments(name, holder, ttlMs, now);
    // Still ours means nobody took it over, even if it lapsed meanwhile: then nobody else is active.
    const result = this.db
      .prepare('UPDATE read_store_leases SET expires_at = ? WHERE name = ? AND holder = ?')
      .run(now + ttlMs, name, holder);
    return result.changes === 1;
  }

  async release(name: string, holder: string): Promise<void> {
    assertLeaseArguments(name, holder);
    this.db.prepare('DELETE FROM read_store_leases WHERE name = ? AND holder = ?').run(name, holder);
  }

  async current(name: string): Promise<LeaseInfo | null> {
    assertLeaseArguments(name);
    const row = this.row(name);
    return row ? { name, holder: row.holder, expiresAt: Number(row.expires_at) } : null;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private row(name: string): Row | undefined {
    return this.db.prepare('SELECT holder, expires_at FROM read_store_leases WHERE name = ?').get(name) as Row | undefined;
  }
}
