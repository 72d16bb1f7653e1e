import { ReadStoreUsageError } from '../errors';
import type { JsonObject, JsonValue } from '../port';

/**
 * Checks that a value is plain JSON as the store will persist it: no undefined, functions,
 * bigint, NaN/Infinity, Dates or class instances. Run before any write so a bad value in an
 * operation rejects the whole batch instead of being silently changed by JSON.stringify.
 */
export function assertJsonValue(value: unknown, path: string): asserts value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ReadStoreUsageError(`${path} is not a finite number (${value})`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertJsonValue(item, `${path}[${i}]`));
    return;
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) assertJsonValue(item, `${path}.${key}`);
    return;
  }
  const kind = typeof value === 'object' ? ((value as object).constructor?.name ?? 'object') : typeof value;
  throw new ReadStoreUsageError(`${path} is not a JSON value (${kind}); use strings for amounts, bigints and dates`);
}

export function assertJsonObject(value: unknown, path: string): asserts value is JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !isPlainObject(value)) {
    throw new ReadStoreUsageError(`${path} must be a JSON object`);
  }
  assertJsonValue(value, path);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * JSON with object keys sorted (by UTF-16 code units, as Array.prototype.sort does) at every
 * level and no whitespace: equal values give byte-equal text whatever the insertion order.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
}
