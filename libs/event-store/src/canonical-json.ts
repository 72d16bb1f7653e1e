/**
 * Canonical JSON: the one byte representation every adapter hashes, so the same event gets the
 * same hash whichever store holds it. Keys are sorted (UTF-16 code unit order, i.e. the default
 * `Array.prototype.sort`), there is no whitespace, and only JSON's own value kinds are accepted.
 * Anything JSON.stringify would silently drop or change (undefined, NaN, Date, bigint, Map, class
 * instances) is refused, because a value that does not survive a round trip would break the chain.
 */

export class CanonicalJsonError extends Error {
  override readonly name = 'CanonicalJsonError';
  constructor(
    /** Where in the value the problem is, e.g. `$.data.lines[2].amount`. */
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail} (events may only hold strings, finite numbers, booleans, null, arrays and plain objects)`);
  }
}

export function canonicalJson(value: unknown): string {
  return serialize(value, '$', new Set());
}

/** canonicalJson of a value found at `path` of a larger one (errors name that path). */
export function canonicalJsonAt(value: unknown, path: string): string {
  return serialize(value, path, new Set());
}

function serialize(value: unknown, path: string, ancestors: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(path, `${String(value)} is not a JSON number`);
      // JSON.stringify gives the shortest round-tripping form and maps -0 to 0.
      return JSON.stringify(value);
    case 'undefined':
      throw new CanonicalJsonError(path, 'undefined is not allowed (use null or leave the key out)');
    case 'bigint':
      throw new CanonicalJsonError(path, 'bigint is not allowed (serialize it as a decimal string)');
    case 'function':
    case 'symbol':
      throw new CanonicalJsonError(path, `a ${typeof value} is not allowed`);
  }
  const object = value as object;
  if (ancestors.has(object)) throw new CanonicalJsonError(path, 'circular reference');
  ancestors.add(object);
  try {
    if (Array.isArray(object)) return serializeArray(object, path, ancestors);
    if (object instanceof Date) throw new CanonicalJsonError(path, 'a Date is not allowed (use an ISO-8601 string)');
    const prototype = Object.getPrototypeOf(object) as unknown;
    if (prototype !== Object.prototype && prototype !== null) {
      const kind = (object as { constructor?: { name?: string } }).constructor?.name ?? 'non-plain object';
      throw new CanonicalJsonError(path, `a ${kind} is not allowed (only plain objects)`);
    }
    return serializeObject(object as Record<string, unknown>, path, ancestors);
  } finally {
    ancestors.delete(object);
  }
}

function serializeArray(array: unknown[], path: string, ancestors: Set<object>): string {
  const parts: string[] = [];
  for (let index = 0; index < array.length; index++) {
    // `index in array` catches holes of sparse arrays, which JSON would turn into null.
    if (!(index in array)) throw new CanonicalJsonError(`${path}[${index}]`, 'sparse array hole is not allowed');
    parts.push(serialize(array[index], `${path}[${index}]`, ancestors));
  }
  return `[${parts.join(',')}]`;
}

function serializeObject(object: Record<string, unknown>, path: string, ancestors: Set<object>): string {
  if (Object.getOwnPropertySymbols(object).length > 0) throw new CanonicalJsonError(path, 'symbol keys are not allowed');
  const keys = Object.keys(object).sort();
  const parts = keys.map((key) => `${JSON.stringify(key)}:${serialize(object[key], `${path}.${key}`, ancestors)}`);
  return `{${parts.join(',')}}`;
}
