import { BatchRejectedError, ReadStoreUsageError } from '../errors';
import type { CommitBatch, ReadDocument, WriteOperation } from '../port';
import { assertJsonObject } from './json';
import { assertCollectionName, assertDocumentId, assertProjectionName } from './names';
import { parsePosition } from './position';

export interface ValidatedBatch {
  operations: WriteOperation[];
  checkpoint: { projection: string; position: bigint } | null;
}

/**
 * Checks the shape of every operation before anything is written: a batch with one malformed
 * operation (bad name, non-JSON value, patch of `id`) is refused as a whole.
 */
export function validateBatch(batch: CommitBatch): ValidatedBatch {
  if (!batch || !Array.isArray(batch.operations)) throw new ReadStoreUsageError('commit needs { operations: [...] }');
  batch.operations.forEach((operation, i) => validateOperation(operation, `operations[${i}]`));
  let checkpoint: ValidatedBatch['checkpoint'] = null;
  if (batch.checkpoint !== undefined) {
    assertProjectionName(batch.checkpoint?.projection);
    checkpoint = { projection: batch.checkpoint.projection, position: parsePosition(batch.checkpoint.position) };
  }
  return { operations: batch.operations, checkpoint };
}

function validateOperation(operation: WriteOperation, path: string): void {
  if (!operation || typeof operation !== 'object') throw new ReadStoreUsageError(`${path} must be an operation object`);
  assertCollectionName(operation.collection, `${path}.collection`);
  switch (operation.type) {
    case 'put':
      assertJsonObject(operation.document, `${path}.document`);
      assertDocumentId(operation.document.id, `${path}.document.id`);
      return;
    case 'patch':
      assertDocumentId(operation.id, `${path}.id`);
      assertJsonObject(operation.fields, `${path}.fields`);
      if ('id' in operation.fields) throw new ReadStoreUsageError(`${path}.fields cannot change the id`);
      return;
    case 'delete':
      assertDocumentId(operation.id, `${path}.id`);
      return;
    default:
      throw new ReadStoreUsageError(
        `${path}.type must be put, patch or delete (got ${JSON.stringify((operation as { type?: unknown }).type)})`,
      );
  }
}

export interface DocumentRef {
  collection: string;
  id: string;
}

export function documentKey(ref: DocumentRef): string {
  return `${ref.collection}/${ref.id}`; // '/' cannot occur in a collection name
}

function operationId(operation: WriteOperation): string {
  return operation.type === 'put' ? operation.document.id : operation.id;
}

/** Documents the batch touches, once each: what an adapter loads before applying it. */
export function touchedDocuments(operations: readonly WriteOperation[]): DocumentRef[] {
  const refs = new Map<string, DocumentRef>();
  for (const operation of operations) {
    const ref = { collection: operation.collection, id: operationId(operation) };
    refs.set(documentKey(ref), ref);
  }
  return [...refs.values()];
}

/**
 * Documents whose stored content the batch depends on: those it patches before putting or
 * deleting them. Everything else it overwrites, so an adapter need not load it.
 */
export function documentsPatched(operations: readonly WriteOperation[]): DocumentRef[] {
  const refs = new Map<string, DocumentRef>();
  const overwritten = new Set<string>();
  for (const operation of operations) {
    const ref = { collection: operation.collection, id: operationId(operation) };
    const key = documentKey(ref);
    if (operation.type === 'patch' && !overwritten.has(key)) refs.set(key, ref);
    else overwritten.add(key);
  }
  return [...refs.values()];
}

/** The final state of one touched document: the new content, or null when it ends deleted. */
export interface DocumentChange extends DocumentRef {
  document: ReadDocument | null;
  /** As far as `current` tells: false for a document the adapter did not load. */
  existedBefore: boolean;
}

/**
 * Applies the operations in order, in memory, to the current documents (keyed by documentKey;
 * null/absent = missing). Adapters then write one final state per document, which is what makes
 * the MongoDB fallback replayable: a document is either fully at the batch's result or untouched.
 * The caller's objects are used without copies: adapters serialize them before commit returns
 * and never modify them (a patch makes a new top-level object).
 */
export function applyOperations(
  operations: readonly WriteOperation[],
  current: ReadonlyMap<string, ReadDocument | null>,
): DocumentChange[] {
  const state = new Map<string, DocumentChange>();
  for (const ref of touchedDocuments(operations)) {
    const document = current.get(documentKey(ref)) ?? null;
    state.set(documentKey(ref), { ...ref, document, existedBefore: document !== null });
  }
  operations.forEach((operation, i) => {
    const change = state.get(documentKey({ collection: operation.collection, id: operationId(operation) }))!;
    switch (operation.type) {
      case 'put':
        change.document = operation.document;
        break;
      case 'patch':
        if (change.document === null) {
          throw new BatchRejectedError(
            `operations[${i}]: cannot patch ${operation.collection}/${operation.id}, it does not exist; nothing was written`,
          );
        }
        change.document = { ...change.document, ...operation.fields, id: change.document.id };
        break;
      case 'delete':
        change.document = null;
        break;
    }
  });
  return [...state.values()];
}
