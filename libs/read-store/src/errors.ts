/** Errors every adapter raises the same way, so callers (API, projector, CLI) can map them. */

/** Bad input to the port: a malformed name, query, operation or document. Nothing was written. */
export class ReadStoreUsageError extends Error {
  override readonly name: string = 'ReadStoreUsageError';
}

/** A query uses fields no declared index serves. */
export class NotIndexedError extends ReadStoreUsageError {
  override readonly name = 'NotIndexedError';
}

export class UnknownCollectionError extends ReadStoreUsageError {
  override readonly name = 'UnknownCollectionError';
  constructor(readonly collection: string) {
    super(`Collection "${collection}" is not declared (call ensureCollection first)`);
  }
}

/** ensureCollection with indexes different from the stored declaration: declare a new version instead. */
export class CollectionDeclarationMismatchError extends ReadStoreUsageError {
  override readonly name = 'CollectionDeclarationMismatchError';
}

/** A cursor that does not belong to this query, or whose collection version was dropped. */
export class InvalidCursorError extends ReadStoreUsageError {
  override readonly name = 'InvalidCursorError';
}

/** The batch cannot be applied (e.g. patch of a missing document, unique index violation). Nothing was written. */
export class BatchRejectedError extends Error {
  override readonly name = 'BatchRejectedError';
}

/** A projection tried to move its checkpoint backwards: it would process events twice. */
export class CheckpointRegressionError extends Error {
  override readonly name = 'CheckpointRegressionError';
  constructor(
    readonly projection: string,
    readonly stored: string,
    readonly attempted: string,
  ) {
    super(`Checkpoint of "${projection}" is at ${stored}; refusing to move it back to ${attempted}`);
  }
}

/**
 * A document the store cannot hold: over MAX_DOCUMENT_BYTES as canonical JSON (every adapter), or
 * over the adapter's own storage limit (MongoDB: 16 MiB of BSON). Raised before anything of the
 * batch is written; a projection that hits it should split the document.
 */
export class DocumentTooLargeError extends ReadStoreUsageError {
  override readonly name = 'DocumentTooLargeError';
  constructor(
    readonly collection: string,
    readonly id: string,
    readonly bytes: number,
    readonly limit: number,
    readonly encoding: 'canonical JSON' | 'BSON',
  ) {
    super(
      `Document ${collection}/${id} is ${bytes} bytes as ${encoding}, over the ${limit}-byte limit of a read-model document; ` +
        'nothing was written. Split it (e.g. one document per line item) instead of growing one document without bound.',
    );
  }
}
