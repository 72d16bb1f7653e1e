import type { Document } from 'mongodb';
import type { CollectionInfo } from '../port';
import type { CursorPosition } from '../shared/cursor';
import { NULL_INDEX_KEY } from '../shared/index-keys';
import type { FilterPlan, QueryPlan } from '../shared/query-plan';

/**
 * How documents are stored in a MongoDB collection:
 * - `json`: the canonical JSON text of the document. Stored as text, not as BSON, so the
 *   round trip is exact and document keys are free (no `$`/`.` restrictions), and the digest
 *   reads the same bytes as the SQLite adapter;
 * - `k`: the order-preserving index keys (shared/index-keys.ts) of the indexed fields, which
 *   every filter, sort and index uses;
 * - `_position`: in fallback mode (no transactions), the zero-padded checkpoint position of the
 *   batch that last wrote the document; `_deleted` marks a tombstone left by a guarded delete.
 */
export interface StoredDocument {
  _id: string;
  json?: string;
  k?: Record<string, string>;
  _position?: string;
  _deleted?: true;
}

/** Tombstones have no `json`. */
export const LIVE: Document = { json: { $exists: true } };

export function keyPath(field: string): string {
  return `k.${field}`;
}

export function mongoFilter(filter: FilterPlan, after: CursorPosition | null = null, plan?: QueryPlan): Document {
  const query: Document = { ...LIVE };
  for (const { field, key } of filter.equals) query[keyPath(field)] = key;
  if (filter.range) {
    const { lower, upper } = filter.range;
    query[keyPath(filter.range.field)] = {
      [lower.inclusive ? '$gte' : '$gt']: lower.key,
      [upper.inclusive ? '$lte' : '$lt']: upper.key,
    };
  }
  if (after && plan) {
    // Strictly after (fields..., _id) in the query direction, expanded as MongoDB has no row-value comparison.
    const paths = [...plan.orderFields.map(keyPath), '_id'];
    const values = [...after.keys, after.id];
    const op = plan.direction === 'asc' ? '$gt' : '$lt';
    query.$or = paths.map((path, i) => {
      const branch: Document = {};
      for (let j = 0; j < i; j++) branch[paths[j]] = values[j];
      branch[path] = { [op]: values[i] };
      return branch;
    });
  }
  return query;
}

export function mongoSort(plan: QueryPlan): Record<string, 1 | -1> {
  const direction = plan.direction === 'asc' ? 1 : -1;
  const sort: Record<string, 1 | -1> = {};
  for (const field of plan.orderFields) sort[keyPath(field)] = direction;
  sort._id = direction;
  return sort;
}

/**
 * One query index per declared index, ending with _id so "fields then id" is read from the
 * index; unique ones get a separate partial unique index that ignores null/missing keys (and
 * tombstones, which have no keys), matching the SQLite adapter.
 */
export function indexSpecs(info: CollectionInfo): { key: Record<string, 1>; name: string; unique?: boolean; partialFilterExpression?: Document }[] {
  return info.indexes.flatMap((index, i) => {
    const key: Record<string, 1> = {};
    for (const field of index.fields) key[keyPath(field)] = 1;
    const specs: { key: Record<string, 1>; name: string; unique?: boolean; partialFilterExpression?: Document }[] = [
      { key: { ...key, _id: 1 }, name: `rs_ix_${i}_${index.fields.join('_')}` },
    ];
    if (index.unique) {
      const partialFilterExpression: Document = {};
      for (const field of index.fields) partialFilterExpression[keyPath(field)] = { $gt: NULL_INDEX_KEY };
      specs.push({ key, name: `rs_ux_${i}_${index.fields.join('_')}`, unique: true, partialFilterExpression });
    }
    return specs;
  });
}
