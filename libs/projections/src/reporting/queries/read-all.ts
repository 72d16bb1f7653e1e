import type { FindQuery, ReadDocument, ReadStore } from '@channel-ledger/read-store';

/** Every page of an indexed query (reports are bounded: months × resellers × currencies). */
export async function readAll<T extends ReadDocument>(
  readStore: ReadStore,
  collection: string,
  query: Omit<FindQuery, 'cursor' | 'limit'>,
): Promise<T[]> {
  const documents: T[] = [];
  let cursor: string | null = null;
  do {
    const page = await readStore.find(collection, { ...query, limit: 1000, cursor });
    documents.push(...(page.documents as T[]));
    cursor = page.nextCursor;
  } while (cursor);
  return documents;
}
