import { Decimal128 } from 'mongodb';
import type { Document } from 'mongodb';
import type { IndexValue, JsonObject, JsonValue, ReadDocument } from '../port';

/**
 * How a read-model document (port: plain JSON, amounts and instants as strings) is stored in
 * MongoDB, and back. Pure functions, no server: `fromNativeDocument(toNativeDocument(d))` equals
 * `d` exactly for every JSON document (mongo-document.spec.ts proves it, through BSON bytes too).
 *
 * Each document is stored as itself, with its own fields, so dashboards, BI connectors and
 * `mongosh` can filter, group and sum it:
 * - `id` becomes `_id` (a string; ids are never converted);
 * - **instants**: a string in the canonical form `Date#toISOString()` writes
 *   (`2026-01-31T00:00:00.000Z`) becomes a BSON date, anywhere in the document. Exact: only strings
 *   that this form gives back character for character are converted;
 * - **amounts**: a decimal string (`"960.00"`, `"24000"`, `"-12.50"`) in a field whose name says
 *   money (see AMOUNT_FIELD), or in an object or array held by such a field (`prices.annual`),
 *   becomes a Decimal128 — exact, scale kept (`960.00` stays `960.00`), never a binary float; only
 *   when Decimal128 gives the same text back (at most 34 digits, no exponent, no leading zeros);
 * - a field the port indexes keeps amounts as strings: the port orders and compares index values
 *   as text, and a Decimal128 would compare as a number (instants compare alike either way, so
 *   indexed instants are dates too);
 * - everything else keeps its JSON type: strings, numbers (int32 or double), booleans, null,
 *   arrays and nested objects;
 * - field names MongoDB treats specially (`$`-prefixed, dotted, a nested `_id` is fine but a
 *   top-level one is the key) are escaped reversibly: `%` + two hex digits for `%`, `.`, `$` and NUL,
 *   and a top-level `_id` field is stored as `%5Fid`.
 *
 * Reading back turns dates into their ISO string and Decimal128 into its string: the port never
 * sees a BSON type, and digests and rebuild comparisons use the same canonical JSON as SQLite.
 */

/** Field names that hold money: `unitPrice`, `annualTotal`, `newRevenue`, `amount`, `prices`, … */
export const AMOUNT_FIELD = /(price|prices|total|totals|subtotal|revenue|revenues|amount|amounts|balance|cost|costs|fee|fees|tax|taxes)$/i;

/** Ids stay strings even inside a money field (`total: { invoiceId: "1001" }`). */
const ID_FIELD = /(^id$|^_id$|Id$|Ids$|ID$)/;

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CANONICAL_DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const NEEDS_ESCAPE = /[%.$\0]/;

export type NativeDocument = Document & { _id: string };

/** The stored form of a document. `indexedFields`: the top-level fields a declared index covers. */
export function toNativeDocument(document: ReadDocument, indexedFields: ReadonlySet<string> = new Set()): NativeDocument {
  const native: NativeDocument = { _id: document.id };
  for (const [key, value] of Object.entries(document)) {
    if (key === 'id') continue;
    setOwn(
      native,
      escapeKey(key, true),
      indexedFields.has(key) ? toNativeIndexValue(value as IndexValue) : toNativeValue(value, isAmountField(key)),
    );
  }
  return native;
}

/** The document as the port knows it. Refuses BSON types no read model writes (a hand edit). */
export function fromNativeDocument(native: Document): ReadDocument {
  const document: JsonObject = {};
  for (const [key, value] of Object.entries(native)) {
    if (key === '_id') continue;
    setOwn(document, unescapeKey(key), fromNativeValue(value, key));
  }
  if (typeof native._id !== 'string')
    throw new Error(`MongoDB document with a non-string _id (${String(native._id)}) is not a read-model document`);
  return { id: native._id, ...document } as ReadDocument;
}

/**
 * A value of an indexed field, stored and queried the same way: canonical instants as dates,
 * everything else as itself (objects and arrays never reach here: the port refuses them).
 */
export function toNativeIndexValue(value: IndexValue): IndexValue | Date {
  if (typeof value === 'string' && isCanonicalInstant(value)) return new Date(value);
  return value;
}

/** `2026-01-31T00:00:00.000Z` exactly as Date#toISOString() writes it (years 0000-9999). */
export function isCanonicalInstant(value: string): boolean {
  if (!CANONICAL_INSTANT.test(value)) return false;
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === value;
}

/** The Decimal128 of a decimal string when it holds that text exactly; null otherwise. */
export function exactDecimal128(value: string): Decimal128 | null {
  if (!CANONICAL_DECIMAL.test(value) || value.length > 80) return null;
  try {
    const decimal = Decimal128.fromString(value);
    return decimal.toString() === value ? decimal : null;
  } catch {
    return null; // more than 34 significant digits
  }
}

function toNativeValue(value: JsonValue, amount: boolean): unknown {
  if (typeof value === 'string') {
    if (isCanonicalInstant(value)) return new Date(value);
    if (amount) return exactDecimal128(value) ?? value;
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  // An array or object held by a money field (`prices: { annual: "96.00" }`) holds money too.
  if (Array.isArray(value)) return value.map((item) => toNativeValue(item, amount));
  const nested: Document = {};
  for (const [key, item] of Object.entries(value))
    setOwn(nested, escapeKey(key, false), toNativeValue(item, !ID_FIELD.test(key) && (amount || isAmountField(key))));
  return nested;
}

function fromNativeValue(value: unknown, path: string): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`MongoDB value at ${path} is not a finite number`);
    return value;
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item, i) => fromNativeValue(item, `${path}.${i}`));
  if (typeof value === 'object') {
    const bsonType = (value as { _bsontype?: string })._bsontype;
    if (bsonType === 'Decimal128') return (value as Decimal128).toString();
    if (bsonType === undefined && Object.getPrototypeOf(value) === Object.prototype) {
      const nested: JsonObject = {};
      for (const [key, item] of Object.entries(value)) setOwn(nested, unescapeKey(key), fromNativeValue(item, `${path}.${key}`));
      return nested;
    }
    throw new Error(`MongoDB value at ${path} is a ${bsonType ?? 'non-JSON object'}, which no read model writes`);
  }
  throw new Error(`MongoDB value at ${path} is a ${typeof value}, which no read model writes`);
}

/** A money field by its name, unless it names an id. */
export function isAmountField(key: string): boolean {
  return AMOUNT_FIELD.test(key) && !ID_FIELD.test(key);
}

/** Own, enumerable property even for `__proto__`: plain assignment would set the prototype instead. */
function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Reversible: every `%`, `.`, `$` and NUL becomes `%XX`, and a top-level `_id` field becomes `%5Fid`. */
export function escapeKey(key: string, topLevel: boolean): string {
  if (topLevel && key === '_id') return '%5Fid';
  if (!NEEDS_ESCAPE.test(key)) return key;
  return key.replace(/[%.$\0]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function unescapeKey(key: string): string {
  if (!key.includes('%')) return key;
  return key.replace(/%([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
