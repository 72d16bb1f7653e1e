import Database, { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import { BatchRejectedError, CheckpointRegressionError, InvalidCursorError, ReadStoreUsageError, UnknownCollectionError } from '../errors';
import type {
  AliasInfo,
  CollectionDeclaration,
  CollectionInfo,
  CommitBatch,
  FindPage,
  FindQuery,
  ReadDocument,
  ReadStore,
  Where,
  WriteOperation,
} from '../port';
import { applyOperations, DocumentChange, documentKey, DocumentRef, documentsPatched, validateBatch } from '../shared/batch';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { assertSameDeclaration, indexedFields, normalizeDeclaration } from '../shared/declaration';
import { DigestBuilder } from '../shared/digest';
import { assertDocumentSize } from '../shared/document-size';
import { indexKeysOf } from '../shared/index-keys';
import { canonicalJson } from '../shared/json';
import { assertCollectionName, assertDocumentId, assertProjectionName } from '../shared/names';
import { planFilter, planFind } from '../shared/query-plan';
import { createCollectionTable, dropCollectionTable, keyColumn, METADATA_DDL, tableName } from './schema';
import { orderByClause, whereClause } from './sql-query';

export interface SqliteReadStoreOptions {
  /** File path (may be the event store's file: this opens its own connection), or ':memory:'. */
  path: string;
  /** How long a writer waits for another connection's lock, in ms (default 5000). */
  busyTimeoutMs?: number;
  /**
   * Default NORMAL: in WAL mode a commit then skips the fsync, and a power loss (not a process
   * crash) can roll back the last commits, documents and checkpoint together, so the projections
   * replay those events from the log. Read models are derived data; FULL would buy nothing but
   * an fsync per projection commit.
   */
  synchronous?: 'NORMAL' | 'FULL';
}

export async function openSqliteReadStore(options: SqliteReadStoreOptions): Promise<ReadStore> {
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL'); // readers (API) never block the projector's writes
  db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
  // A projection's batch touches documents all over its tables; SQLite's default 2 MB page cache
  // would read most of their pages back from the file on every batch. Not more than 16 MB: with
  // 32 MB a rebuild of 1,000,000 events peaked at 291-306 MB resident.
  db.pragma('cache_size = -16384');
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
  // Deleted documents are overwritten, not left in free pages: erased personal data (docs/auditing.md) must not survive a rebuild in the file's bytes.
  db.pragma('secure_delete = ON');
  db.exec(METADATA_DDL);
  return new SqliteReadStore(db);
}

/**
 * better-sqlite3 is synchronous; methods are async only to honour the port. Aliases are read from
 * the database on every call, so a second process sharing the file (API vs projector) sees an
 * alias switch immediately. Declarations are immutable while their table exists, so they are
 * cached until the file's schema version moves (any connection creating or dropping a table).
 */
class SqliteReadStore implements ReadStore {
  private readonly statements = new Map<string, Statement>();
  private readonly declarations = new Map<string, CollectionInfo>();
  private readonly upserts = new Map<string, { statement: Statement; fields: string[] }>();
  private readonly schemaVersion: Statement;
  private knownSchemaVersion = -1;

  constructor(private readonly db: SqliteDatabase) {
    this.schemaVersion = db.prepare('PRAGMA schema_version').pluck();
  }

  async ensureCollection(declaration: CollectionDeclaration): Promise<void> {
    const info = normalizeDeclaration(declaration);
    this.db
      .transaction(() => {
        if (this.aliasTarget(info.name) !== null) {
          throw new ReadStoreUsageError(`"${info.name}" is an alias; declare a physical (versioned) collection name`);
        }
        const stored = this.declaration(info.name);
        if (stored) return assertSameDeclaration(stored, info);
        this.stmt('INSERT INTO read_store_collections (name, declaration) VALUES (?, ?)').run(info.name, JSON.stringify(info));
        createCollectionTable(this.db, info);
      })
      .immediate();
  }

  async listCollections(): Promise<CollectionInfo[]> {
    const rows = this.stmt('SELECT declaration FROM read_store_collections ORDER BY name').all() as { declaration: string }[];
    return rows.map((row) => JSON.parse(row.declaration) as CollectionInfo);
  }

  async dropCollection(physicalName: string): Promise<void> {
    assertCollectionName(physicalName);
    this.db
      .transaction(() => {
        if (this.aliasTarget(physicalName) !== null) {
          throw new ReadStoreUsageError(`"${physicalName}" is an alias; drop the physical collection it points to`);
        }
        const servedBy = this.stmt('SELECT logical FROM read_store_aliases WHERE physical = ?').all(physicalName) as { logical: string }[];
        if (servedBy.length > 0) {
          throw new ReadStoreUsageError(
            `"${physicalName}" is still served by alias ${servedBy.map((r) => `"${r.logical}"`).join(', ')}; switch the alias first`,
          );
        }
        this.stmt('DELETE FROM read_store_collections WHERE name = ?').run(physicalName);
        dropCollectionTable(this.db, physicalName);
      })
      .immediate();
    this.statements.clear(); // statements compiled against the dropped table are now invalid
    this.upserts.clear();
  }

  async setAlias(logicalName: string, physicalName: string): Promise<string | null> {
    assertCollectionName(logicalName, 'alias name');
    assertCollectionName(physicalName);
    return this.db
      .transaction(() => {
        if (this.declaration(logicalName)) {
          throw new ReadStoreUsageError(`"${logicalName}" is a physical collection; an alias needs a name of its own`);
        }
        if (!this.declaration(physicalName)) throw new UnknownCollectionError(physicalName);
        const previous = this.aliasTarget(logicalName);
        this.stmt(
          'INSERT INTO read_store_aliases (logical, physical) VALUES (?, ?) ON CONFLICT(logical) DO UPDATE SET physical = excluded.physical',
        ).run(logicalName, physicalName);
        return previous;
      })
      .immediate();
  }

  async resolve(name: string): Promise<string> {
    assertCollectionName(name);
    return this.aliasTarget(name) ?? name;
  }

  async listAliases(): Promise<AliasInfo[]> {
    return this.stmt('SELECT logical, physical FROM read_store_aliases ORDER BY logical').all() as AliasInfo[];
  }

  async get(collection: string, id: string): Promise<ReadDocument | null> {
    assertDocumentId(id, 'id');
    const info = this.collection(collection);
    const row = this.stmt(`SELECT body FROM ${tableName(info.name)} WHERE id = ?`).get(id) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as ReadDocument) : null;
  }

  async find(collection: string, query: FindQuery = {}): Promise<FindPage> {
    let info = this.collection(collection);
    let plan = planFind(info, query);
    const after = query.cursor ? decodeCursor(plan, query.cursor) : null;
    if (after && after.collection !== info.name) {
      // Keep paging the version the cursor started on, even after an alias switch.
      const pinned = this.declaration(after.collection);
      if (!pinned) throw new InvalidCursorError(`Collection version "${after.collection}" of this cursor was dropped; restart the query`);
      info = pinned;
      plan = planFind(info, query);
    }
    const where = whereClause(plan, after, plan);
    const sql = `SELECT body FROM ${tableName(info.name)} ${where.sql} ${orderByClause(plan)} LIMIT ?`;
    const rows = this.stmt(sql).all(...where.params, plan.limit + 1) as { body: string }[];
    const documents = rows.slice(0, plan.limit).map((row) => JSON.parse(row.body) as ReadDocument);
    const nextCursor = rows.length > plan.limit ? encodeCursor(plan, info.name, documents[documents.length - 1]) : null;
    return { documents, nextCursor };
  }

  async count(collection: string, where?: Where): Promise<number> {
    const info = this.collection(collection);
    const clause = whereClause(planFilter(info, where));
    const row = this.stmt(`SELECT COUNT(*) AS n FROM ${tableName(info.name)} ${clause.sql}`).get(...clause.params) as { n: number };
    return row.n;
  }

  async commit(batch: CommitBatch): Promise<void> {
    const { operations, checkpoint } = validateBatch(batch);
    try {
      this.db
        .transaction(() => {
          if (checkpoint) {
            const stored = this.checkpoint(checkpoint.projection);
            if (stored !== null && BigInt(stored) > checkpoint.position) {
              throw new CheckpointRegressionError(checkpoint.projection, stored, checkpoint.position.toString());
            }
          }
          const physical = this.resolveOperations(operations);
          for (const change of applyOperations(physical.operations, this.loadCurrent(documentsPatched(physical.operations)))) {
            this.writeChange(physical.infos.get(change.collection)!, change);
          }
          if (checkpoint) {
            this.stmt(
              'INSERT INTO read_store_checkpoints (projection, position) VALUES (?, ?) ON CONFLICT(projection) DO UPDATE SET position = excluded.position',
            ).run(checkpoint.projection, checkpoint.position.toString());
          }
        })
        .immediate();
    } catch (error) {
      if (isConstraintViolation(error)) {
        throw new BatchRejectedError(`Batch violates a constraint (${(error as Error).message}); nothing was written`);
      }
      throw error;
    }
  }

  async getCheckpoint(projection: string): Promise<string | null> {
    assertProjectionName(projection);
    return this.checkpoint(projection);
  }

  async deleteCheckpoint(projection: string): Promise<void> {
    assertProjectionName(projection);
    this.stmt('DELETE FROM read_store_checkpoints WHERE projection = ?').run(projection);
  }

  async digest(collection: string): Promise<string> {
    const info = this.collection(collection);
    const builder = new DigestBuilder();
    // ORDER BY id on TEXT with the BINARY collation is UTF-8 byte order, the digest's order.
    for (const row of this.db.prepare(`SELECT body FROM ${tableName(info.name)} ORDER BY id`).iterate() as Iterable<{ body: string }>) {
      builder.add(JSON.parse(row.body) as ReadDocument);
    }
    return builder.hex();
  }

  async close(): Promise<void> {
    this.statements.clear();
    this.upserts.clear();
    if (this.db.open) this.db.close();
  }

  private resolveOperations(operations: WriteOperation[]): { operations: WriteOperation[]; infos: Map<string, CollectionInfo> } {
    const infos = new Map<string, CollectionInfo>();
    const declarations = this.cachedDeclarations();
    const resolved = operations.map((operation) => {
      const info = declarations.get(operation.collection) ?? this.collection(operation.collection);
      infos.set(info.name, info);
      return { ...operation, collection: info.name };
    });
    return { operations: resolved, infos };
  }

  private loadCurrent(refs: DocumentRef[]): Map<string, ReadDocument | null> {
    const current = new Map<string, ReadDocument | null>();
    for (const ref of refs) {
      const row = this.stmt(`SELECT body FROM ${tableName(ref.collection)} WHERE id = ?`).get(ref.id) as { body: string } | undefined;
      current.set(documentKey(ref), row ? (JSON.parse(row.body) as ReadDocument) : null);
    }
    return current;
  }

  /** Only the final state of each document is written; a delete of a missing one changes nothing. */
  private writeChange(info: CollectionInfo, change: DocumentChange): void {
    if (change.document === null) {
      this.stmt(`DELETE FROM ${tableName(info.name)} WHERE id = ?`).run(change.id);
      return;
    }
    const { statement, fields } = this.upsert(info);
    const keys = indexKeysOf(change.document, fields, info.name);
    const body = canonicalJson(change.document);
    assertDocumentSize(info.name, change.id, body); // inside the transaction: the whole batch rolls back
    statement.run(change.id, body, ...fields.map((f) => keys[f]));
  }

  private upsert(info: CollectionInfo): { statement: Statement; fields: string[] } {
    let upsert = this.upserts.get(info.name);
    if (!upsert) {
      const fields = indexedFields(info);
      const columns = ['id', 'body', ...fields.map(keyColumn)];
      const updates = columns.slice(1).map((c) => `${c} = excluded.${c}`);
      const sql = `INSERT INTO ${tableName(info.name)} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')}`;
      upsert = { statement: this.db.prepare(sql), fields };
      this.upserts.set(info.name, upsert);
    }
    return upsert;
  }

  /**
   * The declaration behind a logical or physical name; UnknownCollectionError when there is none.
   * A declared name is never an alias (setAlias and ensureCollection refuse it), so a physical
   * name found among the cached declarations needs no alias look-up.
   */
  private collection(name: string): CollectionInfo {
    assertCollectionName(name);
    const known = this.cachedDeclarations().get(name);
    if (known) return known;
    const physical = this.aliasTarget(name) ?? name;
    const info = this.declaration(physical);
    if (!info) throw new UnknownCollectionError(name);
    return info;
  }

  private declaration(name: string): CollectionInfo | null {
    const cache = this.cachedDeclarations();
    const cached = cache.get(name);
    if (cached) return cached;
    const row = this.stmt('SELECT declaration FROM read_store_collections WHERE name = ?').get(name) as { declaration: string } | undefined;
    if (!row) return null;
    const info = JSON.parse(row.declaration) as CollectionInfo;
    cache.set(name, info);
    return info;
  }

  /** Emptied whenever a table was created or dropped, by this connection or another. */
  private cachedDeclarations(): Map<string, CollectionInfo> {
    const version = this.schemaVersion.get() as number;
    if (version !== this.knownSchemaVersion) {
      this.declarations.clear();
      this.upserts.clear();
      this.knownSchemaVersion = version;
    }
    return this.declarations;
  }

  private aliasTarget(name: string): string | null {
    const row = this.stmt('SELECT physical FROM read_store_aliases WHERE logical = ?').get(name) as { physical: string } | undefined;
    return row?.physical ?? null;
  }

  private checkpoint(projection: string): string | null {
    const row = this.stmt('SELECT position FROM read_store_checkpoints WHERE projection = ?').get(projection) as
      { position: string } | undefined;
    return row?.position ?? null;
  }

  /** Prepared statements cached by SQL text: queries are built from a small set of shapes. */
  private stmt(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/**
 * By code, not `instanceof SqliteError`: the native addon keeps the SqliteError class of the first
 * module instance that loaded it, so a second instance (Jest's per-file registries, bundlers)
 * would see constraint errors as some other class.
 */
function isConstraintViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}
