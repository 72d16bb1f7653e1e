import type { Document } from 'mongodb';
import type { CollectionInfo, IndexValue } from '../port';
import type { CursorPosition } from '../shared/cursor';
import { compareKeys, KeyBound } from '../shared/index-keys';
import type { FilterPlan, QueryPlan } from '../shared/query-plan';
import { escapeKey, toNativeIndexValue } from './mongo-document';

/**
 * The port's queries (validated and planned by shared/query-plan.ts) as MongoDB filters on the
 * documents' own fields (mongo-document.ts), served by the native indexes declared here. Pure:
 * tested without a server in mongo-query.spec.ts.
 *
 * Indexed fields hold null (or are missing), booleans, numbers, strings or dates (canonical
 * instants). The port's semantics are kept:
 * - equality: `null` matches null and missing; a canonical instant matches the date;
 * - ranges are bounded to the type of their bounds: numbers match numbers only; strings match
 *   strings in byte order and the dates whose ISO text falls in the range (computed exactly);
 * - order: MongoDB's (BSON) order, ties broken by `_id`; the keyset cursor continues strictly
 *   after the last document in that same order, across types. Within one type (what a read
 *   model's indexed field holds, plus null) it is the port's order; only a field mixing types
 *   would order booleans and dates after strings here but before numbers / among strings on SQLite.
 */

/** The stored name of a top-level field (only `_id` itself needs escaping among indexable names). */
export function nativeField(field: string): string {
  return escapeKey(field, true);
}

/** Inverse of shared/index-keys.ts encodeIndexValue. */
export function decodeIndexKey(key: string): IndexValue {
  const tag = key[0];
  if (tag === '0' && key.length === 1) return null;
  if (tag === '1' && key.length === 1) return false;
  if (tag === '2' && key.length === 1) return true;
  if (tag === '3' && key.length === 17) return decodeNumber(key.slice(1));
  if (tag === '4') return key.slice(1);
  throw new Error(`Not an index key: ${JSON.stringify(key)}`);
}

function decodeNumber(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  const negative = (parseInt(hex.slice(0, 2), 16) & 0x80) === 0;
  for (let i = 0; i < 8; i++) {
    const byte = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    view.setUint8(i, negative ? ~byte & 0xff : i === 0 ? byte & 0x7f : byte);
  }
  return view.getFloat64(0);
}

/** Equality and range of a planned filter, plus (for a page after the first) the keyset condition. */
export function mongoFilter(filter: FilterPlan, after: CursorPosition | null = null, plan?: QueryPlan): Document {
  const parts: Document[] = [];
  for (const { field, key } of filter.equals) parts.push({ [nativeField(field)]: toNativeIndexValue(decodeIndexKey(key)) });
  if (filter.range) parts.push(rangeFilter(filter.range.field, filter.range.lower, filter.range.upper));
  if (after && plan) parts.push(keysetAfter(plan, after));
  if (parts.length === 0) return {};
  if (parts.length === 1) return parts[0];
  return { $and: parts };
}

export function mongoSort(plan: QueryPlan): Record<string, 1 | -1> {
  const direction = plan.direction === 'asc' ? 1 : -1;
  const sort: Record<string, 1 | -1> = {};
  for (const field of plan.orderFields) sort[nativeField(field)] = direction;
  sort._id = direction;
  return sort;
}

export interface MongoIndexSpec {
  key: Record<string, 1>;
  name: string;
  unique?: boolean;
  partialFilterExpression?: Document;
}

/** BSON types an indexed value can have, besides null. */
const NON_NULL_TYPES = ['number', 'string', 'bool', 'date'];

/**
 * One index per declared index on the fields themselves, ending with `_id` so "fields then id"
 * is read from the index without sorting; a unique one gets a partial unique index that leaves out
 * documents where any of its fields is null or missing (the port's rule: null never conflicts).
 */
export function indexSpecs(info: CollectionInfo): MongoIndexSpec[] {
  return info.indexes.flatMap((index) => {
    const key: Record<string, 1> = {};
    for (const field of index.fields) key[nativeField(field)] = 1;
    const specs: MongoIndexSpec[] = [{ key: { ...key, _id: 1 }, name: `by_${index.fields.join('_')}` }];
    if (index.unique) {
      const partialFilterExpression: Document = {};
      for (const field of index.fields) partialFilterExpression[nativeField(field)] = { $type: NON_NULL_TYPES };
      specs.push({ key, name: `unique_${index.fields.join('_')}`, unique: true, partialFilterExpression });
    }
    return specs;
  });
}

/** A range planned on index keys (shared/index-keys.ts rangeKeyBounds) as native conditions. */
export function rangeFilter(field: string, lower: KeyBound, upper: KeyBound): Document {
  const path = nativeField(field);
  if (lower.key.startsWith('3')) {
    // Numbers: a bare tag is the open end of the number range.
    const condition: Document = {};
    if (lower.key.length > 1) condition[lower.inclusive ? '$gte' : '$gt'] = decodeIndexKey(lower.key);
    if (upper.key.length > 1 && upper.key.startsWith('3')) condition[upper.inclusive ? '$lte' : '$lt'] = decodeIndexKey(upper.key);
    return { [path]: Object.keys(condition).length > 0 ? condition : { $type: 'number' } };
  }
  // Strings: the lower key is '4' + text ('4' alone: from the empty string); an upper key of '5'
  // means "past the last string".
  const low = decodeIndexKey(lower.key) as string;
  const high = upper.key.startsWith('4') ? (decodeIndexKey(upper.key) as string) : null;
  const strings: Document = { [lower.inclusive ? '$gte' : '$gt']: low };
  if (high !== null) strings[upper.inclusive ? '$lte' : '$lt'] = high;
  const branches: Document[] = [{ [path]: strings }];
  const dates = instantRange({ text: low, inclusive: lower.inclusive }, high === null ? null : { text: high, inclusive: upper.inclusive });
  if (dates) branches.push({ [path]: { $gte: dates.from, $lte: dates.to } });
  return branches.length === 1 ? branches[0] : { $or: branches };
}

const FIRST_INSTANT = Date.parse('0000-01-01T00:00:00.000Z');
const LAST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');
const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The dates whose canonical ISO text lies within string bounds (byte order), as an inclusive
 * [from, to]; null when none does. Canonical ISO text is fixed-width, so its order is time order
 * and each bound is found by bisection over milliseconds.
 */
export function instantRange(
  low: { text: string; inclusive: boolean } | null,
  high: { text: string; inclusive: boolean } | null,
): { from: Date; to: Date } | null {
  const aboveLow = (ms: number) =>
    low === null || (low.inclusive ? compareKeys(iso(ms), low.text) >= 0 : compareKeys(iso(ms), low.text) > 0);
  const belowHigh = (ms: number) =>
    high === null || (high.inclusive ? compareKeys(iso(ms), high.text) <= 0 : compareKeys(iso(ms), high.text) < 0);
  if (!aboveLow(LAST_INSTANT) || !belowHigh(FIRST_INSTANT)) return null;
  // Smallest instant above the lower bound (aboveLow is false-then-true over time).
  let lo = FIRST_INSTANT;
  let hi = LAST_INSTANT;
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (aboveLow(mid)) hi = mid;
    else lo = mid + 1;
  }
  const from = lo;
  // Largest instant below the upper bound (belowHigh is true-then-false).
  lo = FIRST_INSTANT;
  hi = LAST_INSTANT;
  while (lo < hi) {
    const mid = lo + Math.ceil((hi - lo) / 2);
    if (belowHigh(mid)) lo = mid;
    else hi = mid - 1;
  }
  const to = lo;
  return from <= to ? { from: new Date(from), to: new Date(to) } : null;
}

/** BSON sort order of the types an indexed field can hold (missing sorts as null). */
const TYPE_ORDER = ['null', 'number', 'string', 'bool', 'date'] as const;
type NativeType = (typeof TYPE_ORDER)[number];

function typeOf(value: IndexValue | Date): NativeType {
  if (value === null) return 'null';
  if (value instanceof Date) return 'date';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  return 'bool';
}

/** Documents whose field comes strictly after `value` in `direction`; null when none can. */
function strictlyAfter(path: string, value: IndexValue | Date, direction: 'asc' | 'desc'): Document | null {
  const type = typeOf(value);
  const rank = TYPE_ORDER.indexOf(type);
  if (direction === 'asc') {
    if (type === 'null') return { [path]: { $ne: null } };
    const later = TYPE_ORDER.slice(rank + 1);
    const branches: Document[] = [{ [path]: { $gt: value } }];
    if (later.length > 0) branches.push({ [path]: { $type: [...later] } });
    return branches.length === 1 ? branches[0] : { $or: branches };
  }
  if (type === 'null') return null;
  const earlier = TYPE_ORDER.slice(1, rank);
  const branches: Document[] = [{ [path]: { $lt: value } }, { [path]: null }];
  if (earlier.length > 0) branches.push({ [path]: { $type: [...earlier] } });
  return { $or: branches };
}

/**
 * Strictly after (fields…, _id) of the cursor in the query's direction, expanded as MongoDB has no
 * row-value comparison: f1 after v1, or f1 = v1 and f2 after v2, …, or all equal and _id after id.
 */
export function keysetAfter(plan: QueryPlan, after: CursorPosition): Document {
  const values = after.keys.map((key) => toNativeIndexValue(decodeIndexKey(key)));
  const branches: Document[] = [];
  plan.orderFields.forEach((field, i) => {
    const condition = strictlyAfter(nativeField(field), values[i], plan.direction);
    if (condition === null) return;
    const equalBefore = plan.orderFields.slice(0, i).map((previous, j) => ({ [nativeField(previous)]: values[j] }));
    branches.push(equalBefore.length === 0 ? condition : { $and: [...equalBefore, condition] });
  });
  const allEqual = plan.orderFields.map((field, j) => ({ [nativeField(field)]: values[j] }));
  const idAfter = { _id: { [plan.direction === 'asc' ? '$gt' : '$lt']: after.id } };
  branches.push(allEqual.length === 0 ? idAfter : { $and: [...allEqual, idAfter] });
  return branches.length === 1 ? branches[0] : { $or: branches };
}
