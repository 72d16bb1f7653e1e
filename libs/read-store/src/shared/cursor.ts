import { InvalidCursorError } from '../errors';
import type { ReadDocument } from '../port';
import { indexKeyOf } from './index-keys';
import type { QueryPlan } from './query-plan';

/**
 * Keyset position of the last document of a page: the index keys of the order fields plus the
 * id. The next page continues strictly after it, so concurrent inserts/deletes never cause
 * duplicates or skips of unchanged documents (unlike offsets).
 *
 * The cursor also pins the physical collection it started on: a reader paging through
 * `reseller_view` keeps reading the same version even if the alias switches meanwhile, and gets
 * InvalidCursorError (restart) once that version is dropped.
 */
export interface CursorPosition {
  collection: string;
  keys: string[];
  id: string;
}

interface CursorPayload {
  v: 1;
  c: string;
  f: string;
  k: string[];
  i: string;
}

export function encodeCursor(plan: QueryPlan, collection: string, last: ReadDocument): string {
  const payload: CursorPayload = {
    v: 1,
    c: collection,
    f: plan.fingerprint,
    k: plan.orderFields.map((field) => indexKeyOf(last, field, collection)),
    i: last.id,
  };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

export function decodeCursor(plan: QueryPlan, cursor: string): CursorPosition {
  let payload: Partial<CursorPayload>;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('Malformed cursor');
  }
  const wellFormed =
    payload !== null &&
    typeof payload === 'object' &&
    payload.v === 1 &&
    typeof payload.c === 'string' &&
    typeof payload.i === 'string' &&
    Array.isArray(payload.k) &&
    payload.k.every((key) => typeof key === 'string');
  if (!wellFormed) throw new InvalidCursorError('Malformed cursor');
  if (payload.f !== plan.fingerprint || payload.k!.length !== plan.orderFields.length) {
    throw new InvalidCursorError('Cursor belongs to a different query (where/sort changed)');
  }
  return { collection: payload.c!, keys: payload.k!, id: payload.i! };
}
