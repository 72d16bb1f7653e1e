import { createHash } from 'node:crypto';
import { NotIndexedError, ReadStoreUsageError } from '../errors';
import type { CollectionInfo, FindQuery, IndexValue, RangeCondition, SortDirection, Where } from '../port';
import { describeIndexes } from './declaration';
import { encodeIndexValue, KeyBound, rangeKeyBounds } from './index-keys';
import { canonicalJson } from './json';
import { assertFieldName } from './names';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** A validated filter in index-key form, ready for an adapter to translate. */
export interface FilterPlan {
  equals: { field: string; key: string }[];
  range: { field: string; lower: KeyBound; upper: KeyBound } | null;
}

/** A validated find: filter, order (sort fields then id, all in one direction) and page size. */
export interface QueryPlan extends FilterPlan {
  orderFields: string[];
  direction: SortDirection;
  limit: number;
  /** Identifies where+order, so a cursor cannot be replayed against another query. */
  fingerprint: string;
}

const RANGE_OPERATORS = new Set(['gt', 'gte', 'lt', 'lte']);

export function planFilter(info: CollectionInfo, where: Where | undefined): FilterPlan {
  return planFind(info, { where }, { forCount: true });
}

/**
 * Validates a query against the declared indexes and refuses any query that no single index
 * serves: its equality fields must be the first fields of an index (in any order), and the
 * range field and sort fields must be the index's next fields, in order. That is what both
 * SQLite and MongoDB need to answer from the index alone, without scanning or sorting.
 */
export function planFind(info: CollectionInfo, query: FindQuery, options: { forCount?: boolean } = {}): QueryPlan {
  if (query === null || typeof query !== 'object') throw new ReadStoreUsageError('Query must be an object');
  const equals: FilterPlan['equals'] = [];
  let range: FilterPlan['range'] = null;
  const where = query.where ?? {};
  if (where === null || typeof where !== 'object' || Array.isArray(where)) throw new ReadStoreUsageError('where must be an object');
  for (const [field, condition] of Object.entries(where)) {
    if (field === 'id') throw new ReadStoreUsageError('Filter by id with get(collection, id)');
    assertFieldName(field);
    if (isRange(condition)) {
      if (range) throw new ReadStoreUsageError(`Only one range field per query (got "${range.field}" and "${field}")`);
      const unknown = Object.keys(condition).filter((op) => !RANGE_OPERATORS.has(op));
      if (unknown.length > 0) throw new ReadStoreUsageError(`Unknown range operator(s) on "${field}": ${unknown.join(', ')}`);
      range = { field, ...rangeKeyBounds(field, condition) };
    } else if (isIndexValue(condition)) {
      equals.push({ field, key: encodeIndexValue(condition) });
    } else {
      throw new ReadStoreUsageError(`Condition on "${field}" must be a string, number, boolean, null or a gt/gte/lt/lte range`);
    }
  }

  const sort = options.forCount ? [] : (query.sort ?? []);
  if (!Array.isArray(sort)) throw new ReadStoreUsageError('sort must be an array of { field, direction }');
  for (const key of sort) {
    if (!key || (key.direction !== 'asc' && key.direction !== 'desc')) {
      throw new ReadStoreUsageError(`Sort direction must be "asc" or "desc" (field ${JSON.stringify(key?.field)})`);
    }
    if (key.field !== 'id') assertFieldName(key.field);
  }
  const directions = new Set(sort.map((key) => key.direction));
  if (directions.size > 1) throw new NotIndexedError('Mixed sort directions are not served by an index; sort all fields one way');
  const direction: SortDirection = sort[0]?.direction ?? 'asc';
  // id always ends the order; sorting on an equality-bound field changes nothing.
  const equalFields = new Set(equals.map((e) => e.field));
  let orderFields = sort.map((key) => key.field).filter((field) => field !== 'id' && !equalFields.has(field));
  const idIndex = sort.findIndex((key) => key.field === 'id');
  if (idIndex >= 0 && idIndex !== sort.length - 1) throw new ReadStoreUsageError('id can only be the last sort field');
  if (orderFields.length === 0 && range) orderFields = [range.field];
  if (new Set(orderFields).size !== orderFields.length) throw new ReadStoreUsageError('A sort field is repeated');

  assertServedByAnIndex(info, [...equalFields], range?.field ?? null, orderFields);
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ReadStoreUsageError(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  const fingerprint = createHash('sha256')
    .update(canonicalJson({ where: where as never, order: orderFields, direction }))
    .digest('hex')
    .slice(0, 16);
  return { equals, range, orderFields, direction, limit, fingerprint };
}

function assertServedByAnIndex(info: CollectionInfo, equalFields: string[], rangeField: string | null, orderFields: string[]): void {
  const needsIndex = equalFields.length > 0 || rangeField !== null || orderFields.length > 0;
  if (!needsIndex) return; // id order: the primary key serves it
  const served = info.indexes.some((index) => {
    const prefix = index.fields.slice(0, equalFields.length);
    if (prefix.length !== equalFields.length || !equalFields.every((field) => prefix.includes(field))) return false;
    const rest = index.fields.slice(equalFields.length);
    if (rangeField !== null && rest[0] !== rangeField) return false;
    return orderFields.every((field, i) => rest[i] === field);
  });
  if (!served) {
    const parts = [
      equalFields.length ? `equality on ${equalFields.join(', ')}` : '',
      rangeField ? `range on ${rangeField}` : '',
      orderFields.length ? `order by ${orderFields.join(', ')}` : '',
    ].filter(Boolean);
    throw new NotIndexedError(
      `No declared index of "${info.name}" serves ${parts.join(', ')}; declared indexes: ${describeIndexes(info)}. ` +
        'Equality fields must lead an index, followed by the range field and the sort fields in index order.',
    );
  }
}

function isRange(condition: unknown): condition is RangeCondition {
  return condition !== null && typeof condition === 'object' && !Array.isArray(condition);
}

function isIndexValue(condition: unknown): condition is IndexValue {
  return (
    condition === null || ['string', 'boolean'].includes(typeof condition) || (typeof condition === 'number' && Number.isFinite(condition))
  );
}
