import { DocumentTooLargeError } from '../errors';

/**
 * The largest read-model document, in UTF-8 bytes of its canonical JSON: 16 MiB, MongoDB's own
 * document limit, so a document one adapter accepts is not refused by the other for its size
 * alone (the MongoDB adapter also checks the BSON encoding, which can be larger than the JSON).
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** Refuses a document whose canonical JSON text is over the port's limit. */
export function assertDocumentSize(collection: string, id: string, canonicalJsonText: string): void {
  // A UTF-8 character takes at most 3 bytes per UTF-16 unit: skip the exact count for small documents.
  if (canonicalJsonText.length * 3 <= MAX_DOCUMENT_BYTES) return;
  const bytes = Buffer.byteLength(canonicalJsonText, 'utf8');
  if (bytes > MAX_DOCUMENT_BYTES) throw new DocumentTooLargeError(collection, id, bytes, MAX_DOCUMENT_BYTES, 'canonical JSON');
}
