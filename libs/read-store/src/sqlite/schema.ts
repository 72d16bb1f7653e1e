import type { Database } from 'better-sqlite3';
import type { CollectionInfo } from '../port';
import { indexedFields } from '../shared/declaration';
import { NULL_INDEX_KEY } from '../shared/index-keys';

/**
 * Storage layout: one table per physical collection rather than one shared documents table.
 * - Blue/green: dropping an old version is a DROP TABLE, not a huge DELETE, and a rebuild
 *   writing `x__v2` never contends with readers of `x__v1`'s pages and indexes.
 * - Indexes are ordinary composite indexes on per-field key columns; a shared table would need
 *   partial indexes per collection, which SQLite's planner only uses when the collection name is
 *   a literal in the query, not a bound parameter.
 * - Key columns hold the order-preserving index keys from shared/index-keys.ts (computed on
 *   write) instead of json_extract expressions: identical ordering to the MongoDB adapter and no
 *   NULLs, which keyset pagination needs. The body column holds the canonical JSON document.
 * - WITHOUT ROWID with `id` as primary key: every secondary index entry ends with the id, so
 *   "order by fields, then id" is read straight from the index.
 * Names are validated ([a-z][a-z0-9_]*, [A-Za-z_][A-Za-z0-9_]*) before they reach any SQL text.
 */
export const METADATA_DDL = `
  CREATE TABLE IF NOT EXISTS read_store_collections (name TEXT PRIMARY KEY, declaration TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS read_store_aliases (logical TEXT PRIMARY KEY, physical TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS read_store_checkpoints (projection TEXT PRIMARY KEY, position TEXT NOT NULL) WITHOUT ROWID;
`;

export function tableName(collection: string): string {
  return `"read_store_doc_${collection}"`;
}

export function keyColumn(field: string): string {
  return `"k_${field}"`;
}

export function createCollectionTable(db: Database, info: CollectionInfo): void {
  const columns = ['id TEXT PRIMARY KEY', 'body TEXT NOT NULL', ...indexedFields(info).map((f) => `${keyColumn(f)} TEXT NOT NULL`)];
  db.exec(`CREATE TABLE ${tableName(info.name)} (${columns.join(', ')}) WITHOUT ROWID`);
  info.indexes.forEach((index, i) => {
    const columns = index.fields.map(keyColumn);
    db.exec(`CREATE INDEX "read_store_ix_${info.name}_${i}" ON ${tableName(info.name)} (${columns.join(', ')})`);
    if (index.unique) {
      // Constraint only, separate from the query index: partial so null/missing (key '0') never
      // conflicts, and SQLite's planner would not pick a partial index for plain equality queries.
      const notNull = columns.map((c) => `${c} <> '${NULL_INDEX_KEY}'`).join(' AND ');
      db.exec(`CREATE UNIQUE INDEX "read_store_ux_${info.name}_${i}" ON ${tableName(info.name)} (${columns.join(', ')}) WHERE ${notNull}`);
    }
  });
}

export function dropCollectionTable(db: Database, collection: string): void {
  db.exec(`DROP TABLE IF EXISTS ${tableName(collection)}`);
}
