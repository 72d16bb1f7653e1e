import { CollectionDeclarationMismatchError, ReadStoreUsageError } from '../errors';
import type { CollectionDeclaration, CollectionInfo, IndexDeclaration } from '../port';
import { canonicalJson } from './json';
import { assertCollectionName, assertFieldName } from './names';

/** Validates a declaration and gives it one canonical shape, so stored and requested ones compare exactly. */
export function normalizeDeclaration(declaration: CollectionDeclaration): CollectionInfo {
  if (declaration === null || typeof declaration !== 'object') throw new ReadStoreUsageError('Collection declaration must be an object');
  assertCollectionName(declaration.name);
  if (!Array.isArray(declaration.indexes)) throw new ReadStoreUsageError(`Indexes of "${declaration.name}" must be an array`);
  const seen = new Set<string>();
  const indexes: IndexDeclaration[] = declaration.indexes.map((index) => {
    if (!index || !Array.isArray(index.fields) || index.fields.length === 0) {
      throw new ReadStoreUsageError(`Every index of "${declaration.name}" needs at least one field`);
    }
    index.fields.forEach(assertFieldName);
    if (index.fields.includes('id')) {
      throw new ReadStoreUsageError(`"${declaration.name}": id is the primary key and is always indexed; do not declare it`);
    }
    if (new Set(index.fields).size !== index.fields.length) {
      throw new ReadStoreUsageError(`"${declaration.name}": index [${index.fields.join(', ')}] repeats a field`);
    }
    const key = index.fields.join(',');
    if (seen.has(key)) throw new ReadStoreUsageError(`"${declaration.name}": index [${key}] is declared twice`);
    seen.add(key);
    return { fields: [...index.fields], unique: index.unique === true };
  });
  indexes.sort((a, b) => (canonicalJson(a.fields) < canonicalJson(b.fields) ? -1 : 1));
  return { name: declaration.name, indexes };
}

/** Declarations are immutable: a new index set is a new collection version, rebuilt and switched to by alias. */
export function assertSameDeclaration(stored: CollectionInfo, requested: CollectionInfo): void {
  if (canonicalJson(stored.indexes as never) !== canonicalJson(requested.indexes as never)) {
    throw new CollectionDeclarationMismatchError(
      `Collection "${stored.name}" exists with indexes ${describeIndexes(stored)}; requested ${describeIndexes(requested)}. ` +
        'Declare a new version (e.g. name__v2), rebuild it and switch the alias.',
    );
  }
}

/** Every field any index covers, in first-declared order: what a document write must compute keys for. */
export function indexedFields(info: CollectionInfo): string[] {
  return [...new Set(info.indexes.flatMap((index) => index.fields))];
}

export function describeIndexes(info: CollectionInfo): string {
  if (info.indexes.length === 0) return '(none)';
  return info.indexes.map((index) => `[${index.fields.join(', ')}]${index.unique ? ' unique' : ''}`).join(', ');
}
