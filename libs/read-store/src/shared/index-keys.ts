import { BatchRejectedError, ReadStoreUsageError } from '../errors';
import type { IndexValue, JsonObject } from '../port';

/**
 * Indexed field values are stored and compared as order-preserving strings ("index keys")
 * computed here, not as native values. Why:
 * - identical semantics in every adapter: SQLite and MongoDB order mixed types, booleans and
 *   nulls differently, but both compare strings by UTF-8 bytes (SQLite BINARY collation,
 *   MongoDB simple binary comparison), so the same keys sort the same everywhere;
 * - keyset pagination needs a total order without NULL: `NULL > x` is unknown in SQL, so rows
 *   with a missing sort field would vanish from later pages. Here null/missing is the smallest key;
 * - booleans bind to SQLite without being confused with numbers.
 *
 * Type order: null (and missing) < false < true < numbers < strings.
 */
const NULL_KEY = '0';
/** The key of null/missing; unique indexes ignore it. Every other key sorts after it. */
export const NULL_INDEX_KEY = NULL_KEY;
const FALSE_KEY = '1';
const TRUE_KEY = '2';
const NUMBER_TAG = '3';
const STRING_TAG = '4';
/** The first tag after strings: an exclusive upper bound for "any string". */
const AFTER_STRING_TAG = '5';

export function encodeIndexValue(value: IndexValue | undefined): string {
  if (value === null || value === undefined) return NULL_KEY;
  if (typeof value === 'boolean') return value ? TRUE_KEY : FALSE_KEY;
  if (typeof value === 'number') return NUMBER_TAG + encodeNumber(value);
  if (typeof value === 'string') return STRING_TAG + value;
  throw new ReadStoreUsageError(`Not an indexable value: ${JSON.stringify(value)}`);
}

/**
 * IEEE-754 bits made order-preserving: flip all bits of negatives, only the sign bit of
 * positives, then big-endian hex. -0 is folded into 0 so equal numbers get equal keys.
 */
function encodeNumber(value: number): string {
  if (!Number.isFinite(value)) throw new ReadStoreUsageError(`Not a finite number: ${value}`);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value === 0 ? 0 : value);
  let hex = '';
  const negative = (view.getUint8(0) & 0x80) !== 0;
  for (let i = 0; i < 8; i++) {
    let byte = view.getUint8(i);
    byte = negative ? ~byte & 0xff : i === 0 ? byte | 0x80 : byte;
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

/** The index key of `field` in a document; refuses values an index cannot hold. */
export function indexKeyOf(document: JsonObject, field: string, collection: string): string {
  const value = document[field];
  if (value !== null && typeof value === 'object') {
    throw new BatchRejectedError(
      `Indexed field "${field}" of ${collection}/${String(document.id)} holds an ${Array.isArray(value) ? 'array' : 'object'}; ` +
        'indexed fields must hold a string, number, boolean or null',
    );
  }
  return encodeIndexValue(value);
}

/** Keys of every indexed field of a document, by field name. */
export function indexKeysOf(document: JsonObject, fields: readonly string[], collection: string): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const field of fields) keys[field] = indexKeyOf(document, field, collection);
  return keys;
}

export interface KeyBound {
  key: string;
  inclusive: boolean;
}

/** Key bounds of a range condition, clamped to the bounds' type so `gt: 5` never matches strings. */
export function rangeKeyBounds(
  field: string,
  range: { gt?: unknown; gte?: unknown; lt?: unknown; lte?: unknown },
): { lower: KeyBound; upper: KeyBound } {
  const entries = (['gt', 'gte', 'lt', 'lte'] as const).filter((op) => range[op] !== undefined);
  const types = new Set(entries.map((op) => typeof range[op]));
  if (entries.length === 0 || types.size !== 1 || !(types.has('number') || types.has('string'))) {
    throw new ReadStoreUsageError(`Range on "${field}" needs gt/gte/lt/lte bounds that are all numbers or all strings`);
  }
  const isNumber = types.has('number');
  let lower: KeyBound = { key: isNumber ? NUMBER_TAG : STRING_TAG, inclusive: true };
  let upper: KeyBound = { key: isNumber ? STRING_TAG : AFTER_STRING_TAG, inclusive: false };
  const key = (op: 'gt' | 'gte' | 'lt' | 'lte') => encodeIndexValue(range[op] as number | string);
  if (range.gt !== undefined) lower = tighterLower(lower, { key: key('gt'), inclusive: false });
  if (range.gte !== undefined) lower = tighterLower(lower, { key: key('gte'), inclusive: true });
  if (range.lt !== undefined) upper = tighterUpper(upper, { key: key('lt'), inclusive: false });
  if (range.lte !== undefined) upper = tighterUpper(upper, { key: key('lte'), inclusive: true });
  return { lower, upper };
}

function tighterLower(a: KeyBound, b: KeyBound): KeyBound {
  const order = compareKeys(a.key, b.key);
  if (order !== 0) return order > 0 ? a : b;
  return a.inclusive ? b : a;
}

function tighterUpper(a: KeyBound, b: KeyBound): KeyBound {
  const order = compareKeys(a.key, b.key);
  if (order !== 0) return order < 0 ? a : b;
  return a.inclusive ? b : a;
}

/** Compares keys the way both databases do: by UTF-8 bytes (not JS UTF-16 code units). */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
