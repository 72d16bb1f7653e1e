import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@channel-ledger/event-store';
import { openSqliteReadStore, ReadDocument, ReadStore, Where, WriteOperation } from '@channel-ledger/read-store';
import type { Projection, ProjectionView } from '../engine/projection';

/**
 * Runs one projection's `apply` over recorded events against a REAL SQLite read store (temp file),
 * committing after every event, so every find the projection or a read helper makes is checked
 * against the declared indexes exactly as in production. Collections are declared under their
 * logical names (no versioning or aliases: the runner's business, not the projection's).
 */
export interface ProjectionHarness {
  readonly readStore: ReadStore;
  /** Applies each event (skipping types the projection does not handle) and commits its operations. */
  apply(...events: RecordedEvent[]): Promise<void>;
  /** Every document of a collection, in id order. */
  all(collection: string): Promise<ReadDocument[]>;
  close(): Promise<void>;
}

export async function projectionHarness(projection: Projection): Promise<ProjectionHarness> {
  const dir = mkdtempSync(join(tmpdir(), `${projection.name}-`));
  const readStore = await openSqliteReadStore({ path: join(dir, 'read.sqlite') });
  const owned = new Set(projection.collections.map((c) => c.name));
  for (const collection of projection.collections) {
    await readStore.ensureCollection({ name: collection.name, indexes: collection.indexes });
  }
  const view: ProjectionView = {
    get: (collection, id) => readStore.get(own(owned, collection), id),
    find: (collection, where) => findAll(readStore, own(owned, collection), where),
    count: (collection, where) => readStore.count(own(owned, collection), where),
  };
  return {
    readStore,
    async apply(...events) {
      for (const event of events) {
        if (projection.handles && !projection.handles.includes(event.type)) continue;
        const operations: WriteOperation[] = await projection.apply(event, view);
        for (const operation of operations) own(owned, operation.collection);
        await readStore.commit({ operations, checkpoint: { projection: projection.name, position: event.position.toString() } });
      }
    },
    all: (collection) => findAll(readStore, collection),
    async close() {
      await readStore.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function own(owned: Set<string>, collection: string): string {
  if (!owned.has(collection)) throw new Error(`collection "${collection}" is not one of the projection's own`);
  return collection;
}

async function findAll(readStore: ReadStore, collection: string, where?: Where): Promise<ReadDocument[]> {
  const documents: ReadDocument[] = [];
  let cursor: string | null = null;
  do {
    const page = await readStore.find(collection, { where, limit: 1000, cursor });
    documents.push(...page.documents);
    cursor = page.nextCursor;
  } while (cursor);
  return documents;
}
