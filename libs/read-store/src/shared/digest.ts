import { createHash, Hash } from 'node:crypto';
import type { ReadDocument } from '../port';
import { compareKeys } from './index-keys';
import { canonicalJson } from './json';

/**
 * Collection digest: SHA-256 over `canonicalJson(document) + "\n"` for every document in id
 * order (UTF-8 byte order, which is what both databases use for their primary key). Adapters
 * stream documents in id order; the builder refuses any other order, so a digest can never
 * silently depend on how a store happens to return rows.
 */
export class DigestBuilder {
  private readonly hash: Hash = createHash('sha256');
  private lastId: string | null = null;

  add(document: ReadDocument): void {
    if (this.lastId !== null && compareKeys(this.lastId, document.id) >= 0) {
      throw new Error(`Digest input out of id order: "${document.id}" after "${this.lastId}"`);
    }
    this.lastId = document.id;
    this.hash.update(canonicalJson(document));
    this.hash.update('\n');
  }

  hex(): string {
    return this.hash.digest('hex');
  }
}

export function digestOf(documents: Iterable<ReadDocument>): string {
  const builder = new DigestBuilder();
  for (const document of documents) builder.add(document);
  return builder.hex();
}
