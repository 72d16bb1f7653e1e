import { ReadStoreUsageError } from '../errors';

/** Safe as an SQLite table suffix and a MongoDB collection name without quoting rules. */
const COLLECTION_NAME = /^[a-z][a-z0-9_]{0,63}$/;
/** Top-level field names only: they become SQLite column suffixes and MongoDB sub-field names. */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function assertCollectionName(name: unknown, what = 'collection name'): asserts name is string {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) {
    throw new ReadStoreUsageError(`Invalid ${what} ${JSON.stringify(name)}: expected [a-z][a-z0-9_]*, at most 64 characters`);
  }
}

export function assertFieldName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !FIELD_NAME.test(name)) {
    throw new ReadStoreUsageError(`Invalid indexed field ${JSON.stringify(name)}: expected a top-level field name [A-Za-z_][A-Za-z0-9_]*`);
  }
}

export function assertProjectionName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 200) {
    throw new ReadStoreUsageError(`Invalid projection name ${JSON.stringify(name)}`);
  }
}

export function assertDocumentId(id: unknown, path: string): asserts id is string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 512) {
    throw new ReadStoreUsageError(`${path} must be a non-empty string of at most 512 characters`);
  }
}

/** The physical name of version `version` of a logical collection: `reseller_view__v2`. */
export function versionedCollectionName(logicalName: string, version: number): string {
  assertCollectionName(logicalName, 'logical collection name');
  if (!Number.isSafeInteger(version) || version < 1) throw new ReadStoreUsageError(`Invalid version ${version}`);
  const name = `${logicalName}__v${version}`;
  assertCollectionName(name);
  return name;
}

/** Inverse of versionedCollectionName; null for a name without a version suffix. */
export function parseVersionedCollectionName(name: string): { logicalName: string; version: number } | null {
  const match = /^(.+)__v([1-9][0-9]*)$/.exec(name);
  return match ? { logicalName: match[1], version: Number(match[2]) } : null;
}
