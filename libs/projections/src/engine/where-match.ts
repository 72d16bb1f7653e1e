import type { IndexValue, JsonValue, RangeCondition, ReadDocument, Where } from '@channel-ledger/read-store';

/**
 * In-memory evaluation of a ReadStore `where`, with the store's semantics: a missing field is
 * null, equality is by type and value, a range only matches values of its bounds' type, strings
 * compare by UTF-8 bytes. Used for the batch overlay, whose documents are not in the store yet.
 */
export function matchesWhere(document: ReadDocument, where: Where | undefined): boolean {
  for (const [field, condition] of Object.entries(where ?? {})) {
    const value = document[field] ?? null;
    if (condition !== null && typeof condition === 'object') {
      if (!inRange(value, condition)) return false;
    } else if (!equalIndexValues(value, condition)) {
      return false;
    }
  }
  return true;
}

function equalIndexValues(value: JsonValue, condition: IndexValue): boolean {
  if (value === null || condition === null) return value === condition;
  return typeof value === typeof condition && value === condition;
}

function inRange(value: JsonValue, range: RangeCondition): boolean {
  const bounds = (['gt', 'gte', 'lt', 'lte'] as const).filter((op) => range[op] !== undefined);
  const type = typeof range[bounds[0]];
  if (typeof value !== type || (type !== 'number' && type !== 'string')) return false;
  return bounds.every((op) => {
    const order = compare(value as string | number, range[op] as string | number);
    switch (op) {
      case 'gt':
        return order > 0;
      case 'gte':
        return order >= 0;
      case 'lt':
        return order < 0;
      case 'lte':
        return order <= 0;
    }
  });
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return compareUtf8(String(a), String(b));
}

/** The databases' string order (UTF-8 bytes), which differs from JS `<` for astral characters. */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
