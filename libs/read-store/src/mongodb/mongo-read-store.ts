import { AnyBulkWriteOperation, ClientSession, Collection, Db, Filter, MongoClient, MongoClientOptions, MongoServerError } from 'mongodb';
import {
  BatchRejectedError,
  CheckpointRegressionError,
  InvalidCursorError,
  ReadStoreUsageError,
  UnknownCollectionError,
} from '../errors';
import type {
  AliasInfo,
  CollectionDeclaration,
  CollectionInfo,
  CommitBatch,
  FindPage,
  FindQuery,
  ReadDocument,
  ReadStore,
  Where,
  WriteOperation,
} from '../port';
import { applyOperations, documentKey, touchedDocuments, validateBatch, ValidatedBatch } from '../shared/batch';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { assertSameDeclaration, indexedFields, normalizeDeclaration } from '../shared/declaration';
import { DigestBuilder } from '../shared/digest';
import { indexKeysOf } from '../shared/index-keys';
import { canonicalJson } from '../shared/json';
import { assertCollectionName, assertDocumentId, assertProjectionName } from '../shared/names';
import { sortablePosition } from '../shared/position';
import { planFilter, planFind } from '../shared/query-plan';
import { indexSpecs, LIVE, mongoFilter, mongoSort, StoredDocument } from './mongo-query';

export interface MongoReadStoreOptions {
  uri: string;
  database: string;
  /**
   * `auto` (default): multi-document transactions when the server is a replica set or mongos,
   * otherwise the position-guarded fallback. `never` forces the fallback (tests, standalone).
   */
  transactions?: 'auto' | 'never';
  clientOptions?: MongoClientOptions;
}

const DUPLICATE_KEY = 11000;
const NAMESPACE_NOT_FOUND = 26;
const NAMESPACE_EXISTS = 48;
const META_COLLECTIONS = ['rs_meta_collections', 'rs_meta_aliases', 'rs_meta_checkpoints'] as const;

interface CollectionMeta {
  _id: string;
  declaration: CollectionInfo;
}
interface AliasMeta {
  _id: string;
  physical: string;
}
interface CheckpointMeta {
  _id: string;
  /** Decimal string as given. */
  position: string;
  /** Zero-padded, so positions compare as strings in filters. */
  sortable: string;
}

export async function openMongoReadStore(options: MongoReadStoreOptions): Promise<ReadStore> {
  assertCollectionName(options.database, 'database name');
  const client = new MongoClient(options.uri, options.clientOptions);
  await client.connect();
  try {
    const db = client.db(options.database);
    let transactions = false;
    if (options.transactions !== 'never') {
      const hello = await db.admin().command({ hello: 1 });
      transactions = typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
    }
    // Created up front: a transaction (before MongoDB 4.4) cannot create the checkpoint collection.
    const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
    for (const name of META_COLLECTIONS) {
      if (!existing.has(name)) {
        await db.createCollection(name).catch((error: unknown) => {
          if (!(error instanceof MongoServerError && error.code === NAMESPACE_EXISTS)) throw error; // created concurrently
        });
      }
    }
    return new MongoReadStore(client, db, transactions);
  } catch (error) {
    await client.close();
    throw error;
  }
}

/**
 * Thin: validation, query planning, index keys, cursors, batch application and digests are the
 * shared, tested code in ../shared; this class only moves their results to and from MongoDB.
 */
class MongoReadStore implements ReadStore {
  private readonly collections: Collection<CollectionMeta>;
  private readonly aliases: Collection<AliasMeta>;
  private readonly checkpoints: Collection<CheckpointMeta>;
  /** Declarations are immutable, so caching them is safe; only drops must evict (see dropCollection). */
  private readonly declarations = new Map<string, CollectionInfo>();

  constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    private readonly transactions: boolean,
  ) {
    this.collections = db.collection<CollectionMeta>(META_COLLECTIONS[0]);
    this.aliases = db.collection<AliasMeta>(META_COLLECTIONS[1]);
    this.checkpoints = db.collection<CheckpointMeta>(META_COLLECTIONS[2]);
  }

  async ensureCollection(declaration: CollectionDeclaration): Promise<void> {
    const info = normalizeDeclaration(declaration);
    if (await this.aliasTarget(info.name)) {
      throw new ReadStoreUsageError(`"${info.name}" is an alias; declare a physical (versioned) collection name`);
    }
    const stored = await this.declaration(info.name, { fresh: true });
    if (stored) return assertSameDeclaration(stored, info);
    // Collection and indexes first, declaration last: a crash in between leaves nothing declared
    // and the next ensureCollection simply repeats the (idempotent) creation.
    const existing = await this.db.listCollections({ name: documentsName(info.name) }, { nameOnly: true }).toArray();
    if (existing.length === 0) await this.db.createCollection(documentsName(info.name));
    const specs = indexSpecs(info);
    if (specs.length > 0) await this.documents(info.name).createIndexes(specs);
    try {
      await this.collections.insertOne({ _id: info.name, declaration: info });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const winner = await this.declaration(info.name, { fresh: true }); // another process declared it meanwhile
      if (winner) assertSameDeclaration(winner, info);
    }
    this.declarations.set(info.name, info);
  }

  async listCollections(): Promise<CollectionInfo[]> {
    const rows = await this.collections.find({}, { sort: { _id: 1 } }).toArray();
    return rows.map((row) => row.declaration);
  }

  async dropCollection(physicalName: string): Promise<void> {
    assertCollectionName(physicalName);
    if (await this.aliasTarget(physicalName)) {
      throw new ReadStoreUsageError(`"${physicalName}" is an alias; drop the physical collection it points to`);
    }
    const servedBy = await this.aliases.find({ physical: physicalName }).toArray();
    if (servedBy.length > 0) {
      throw new ReadStoreUsageError(
        `"${physicalName}" is still served by alias ${servedBy.map((a) => `"${a._id}"`).join(', ')}; switch the alias first`,
      );
    }
    await this.collections.deleteOne({ _id: physicalName });
    this.declarations.delete(physicalName);
    try {
      await this.documents(physicalName).drop();
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND)) throw error;
    }
  }

  async setAlias(logicalName: string, physicalName: string): Promise<string | null> {
    assertCollectionName(logicalName, 'alias name');
    assertCollectionName(physicalName);
    if (await this.declaration(logicalName, { fresh: true })) {
      throw new ReadStoreUsageError(`"${logicalName}" is a physical collection; an alias needs a name of its own`);
    }
    if (!(await this.declaration(physicalName, { fresh: true }))) throw new UnknownCollectionError(physicalName);
    // One single-document update: every reader sees either the old or the new target.
    const previous = await this.aliases.findOneAndUpdate(
      { _id: logicalName },
      { $set: { physical: physicalName } },
      { upsert: true, returnDocument: 'before' },
    );
    return previous?.physical ?? null;
  }

  async resolve(name: string): Promise<string> {
    assertCollectionName(name);
    return (await this.aliasTarget(name)) ?? name;
  }

  async listAliases(): Promise<AliasInfo[]> {
    const rows = await this.aliases.find({}, { sort: { _id: 1 } }).toArray();
    return rows.map((row) => ({ logical: row._id, physical: row.physical }));
  }

  async get(collection: string, id: string): Promise<ReadDocument | null> {
    assertDocumentId(id, 'id');
    const info = await this.collection(collection);
    const row = await this.documents(info.name).findOne({ _id: id, ...LIVE } as Filter<StoredDocument>);
    return row?.json ? (JSON.parse(row.json) as ReadDocument) : null;
  }

  async find(collection: string, query: FindQuery = {}): Promise<FindPage> {
    let info = await this.collection(collection);
    let plan = planFind(info, query);
    const after = query.cursor ? decodeCursor(plan, query.cursor) : null;
    if (after && after.collection !== info.name) {
      // Keep paging the version the cursor started on, even after an alias switch.
      const pinned = await this.declaration(after.collection, { fresh: true });
      if (!pinned) throw new InvalidCursorError(`Collection version "${after.collection}" of this cursor was dropped; restart the query`);
      info = pinned;
      plan = planFind(info, query);
    }
    const rows = await this.documents(info.name)
      .find(mongoFilter(plan, after, plan) as Filter<StoredDocument>, {
        sort: mongoSort(plan),
        limit: plan.limit + 1,
        projection: { json: 1 },
      })
      .toArray();
    const documents = rows.slice(0, plan.limit).map((row) => JSON.parse(row.json!) as ReadDocument);
    const nextCursor = rows.length > plan.limit ? encodeCursor(plan, info.name, documents[documents.length - 1]) : null;
    return { documents, nextCursor };
  }

  async count(collection: string, where?: Where): Promise<number> {
    const info = await this.collection(collection);
    return this.documents(info.name).countDocuments(mongoFilter(planFilter(info, where)) as Filter<StoredDocument>);
  }

  async commit(batch: CommitBatch): Promise<void> {
    const validated = validateBatch(batch);
    try {
      if (!this.transactions) return await this.commitGuarded(validated);
      const session = this.client.startSession();
      try {
        await session.withTransaction(async (s) => this.commitInTransaction(validated, s));
      } finally {
        await session.endSession();
      }
    } catch (error) {
      if (isDuplicateKey(error)) {
        const outcome = this.transactions ? 'nothing was written' : 'it may be partly applied: fix the data and replay it';
        throw new BatchRejectedError(`Batch violates a unique index (${(error as Error).message}); ${outcome}`);
      }
      throw error;
    }
  }

  /** Replica set: documents and checkpoint in one multi-document transaction. */
  private async commitInTransaction({ operations, checkpoint }: ValidatedBatch, session: ClientSession): Promise<void> {
    if (checkpoint) await this.assertNoRegression(checkpoint, session);
    const { changes, infos } = await this.prepare(operations, session, null);
    for (const [collection, writes] of groupByCollection(changes, infos, null)) {
      await this.documents(collection).bulkWrite(writes.map((w) => w.write), { session, ordered: true });
    }
    if (checkpoint) {
      const position = checkpoint.position.toString();
      await this.checkpoints.updateOne(
        { _id: checkpoint.projection },
        { $set: { position, sortable: sortablePosition(checkpoint.position) } },
        { upsert: true, session },
      );
    }
  }

  /**
   * Standalone server (no transactions): every document write carries the batch's position and
   * only applies over a document whose `_position` is lower; deletes leave a positioned
   * tombstone; the checkpoint is written last. Replaying the batch after a crash (the projector
   * restarts from the old checkpoint) therefore completes it without doubling or regressing.
   * Validation (shape, patch of a missing document, indexable values) still happens before the
   * first write; a unique-index violation can leave the batch partly written, to be completed
   * by the replay once the data is fixed.
   */
  private async commitGuarded({ operations, checkpoint }: ValidatedBatch): Promise<void> {
    if (checkpoint) await this.assertNoRegression(checkpoint, undefined);
    const position = checkpoint ? sortablePosition(checkpoint.position) : null;
    const { changes, infos } = await this.prepare(operations, undefined, position);
    for (const [collection, writes] of groupByCollection(changes, infos, position)) {
      for (const { id, write } of writes) {
        try {
          await this.documents(collection).bulkWrite([write]);
        } catch (error) {
          // A guarded upsert whose filter did not match inserts a duplicate _id when the document
          // is already at/after this position (written meanwhile): that is "already applied".
          // Any other duplicate key is a unique-index violation.
          if (!isDuplicateKey(error)) throw error;
          const stored = await this.documents(collection).findOne({ _id: id });
          if (!(position && stored?._position !== undefined && stored._position >= position)) throw error;
        }
      }
    }
    if (checkpoint && position) {
      try {
        await this.checkpoints.updateOne(
          { _id: checkpoint.projection, sortable: { $lt: position } },
          { $set: { position: checkpoint.position.toString(), sortable: position } },
          { upsert: true },
        );
      } catch (error) {
        if (!isDuplicateKey(error)) throw error; // already at this position
      }
    }
  }

  /**
   * Resolves collections, loads the touched documents and applies the operations in memory
   * (shared/batch.ts). With a guard position, documents already written at or after it are
   * left out entirely: their part of the batch was applied by an earlier attempt.
   */
  private async prepare(operations: WriteOperation[], session: ClientSession | undefined, guard: string | null) {
    const infos = new Map<string, CollectionInfo>();
    const resolvedNames = new Map<string, string>();
    for (const name of new Set(operations.map((o) => o.collection))) {
      const alias = await this.aliasTarget(name, session);
      const info = await this.declaration(alias ?? name);
      if (!info) throw new UnknownCollectionError(name);
      resolvedNames.set(name, info.name);
      infos.set(info.name, info);
    }
    let resolved = operations.map((o) => ({ ...o, collection: resolvedNames.get(o.collection)! }));
    const current = new Map<string, ReadDocument | null>();
    const alreadyApplied = new Set<string>();
    const refsByCollection = new Map<string, string[]>();
    for (const ref of touchedDocuments(resolved)) refsByCollection.set(ref.collection, [...(refsByCollection.get(ref.collection) ?? []), ref.id]);
    for (const [collection, ids] of refsByCollection) {
      const rows = await this.documents(collection).find({ _id: { $in: ids } }, { session }).toArray();
      for (const row of rows) {
        const key = documentKey({ collection, id: row._id });
        if (guard !== null && row._position !== undefined && row._position >= guard) alreadyApplied.add(key);
        current.set(key, row.json ? (JSON.parse(row.json) as ReadDocument) : null);
      }
    }
    if (alreadyApplied.size > 0) {
      resolved = resolved.filter((o) => !alreadyApplied.has(documentKey({ collection: o.collection, id: o.type === 'put' ? o.document.id : o.id })));
    }
    const changes = applyOperations(resolved, current).map((change) => ({
      ...change,
      // Computed before any write, so an unindexable value rejects the whole batch.
      keys: change.document ? indexKeysOf(change.document, indexedFields(infos.get(change.collection)!), change.collection) : null,
    }));
    return { changes, infos };
  }

  private async assertNoRegression(checkpoint: { projection: string; position: bigint }, session: ClientSession | undefined): Promise<void> {
    const stored = await this.checkpoints.findOne({ _id: checkpoint.projection }, { session });
    if (stored && BigInt(stored.position) > checkpoint.position) {
      throw new CheckpointRegressionError(checkpoint.projection, stored.position, checkpoint.position.toString());
    }
  }

  async getCheckpoint(projection: string): Promise<string | null> {
    assertProjectionName(projection);
    return (await this.checkpoints.findOne({ _id: projection }))?.position ?? null;
  }

  async deleteCheckpoint(projection: string): Promise<void> {
    assertProjectionName(projection);
    await this.checkpoints.deleteOne({ _id: projection });
  }

  async digest(collection: string): Promise<string> {
    const info = await this.collection(collection);
    const builder = new DigestBuilder();
    // _id strings sort by UTF-8 bytes under the default (simple) collation: the digest's order.
    const rows = this.documents(info.name).find(LIVE as Filter<StoredDocument>, { sort: { _id: 1 }, projection: { json: 1 } });
    for await (const row of rows) builder.add(JSON.parse(row.json!) as ReadDocument);
    return builder.hex();
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private documents(collection: string): Collection<StoredDocument> {
    return this.db.collection<StoredDocument>(documentsName(collection));
  }

  private async collection(name: string): Promise<CollectionInfo> {
    assertCollectionName(name);
    const physical = (await this.aliasTarget(name)) ?? name;
    const info = await this.declaration(physical);
    if (!info) throw new UnknownCollectionError(name);
    return info;
  }

  private async declaration(name: string, options: { fresh?: boolean } = {}): Promise<CollectionInfo | null> {
    const cached = this.declarations.get(name);
    if (cached && !options.fresh) return cached;
    const row = await this.collections.findOne({ _id: name });
    if (!row) {
      this.declarations.delete(name);
      return null;
    }
    this.declarations.set(name, row.declaration);
    return row.declaration;
  }

  /** Not cached: the API must see the projector's alias switch at once. */
  private async aliasTarget(name: string, session?: ClientSession): Promise<string | null> {
    return (await this.aliases.findOne({ _id: name }, { session }))?.physical ?? null;
  }
}

function documentsName(collection: string): string {
  return `rs_doc_${collection}`;
}

type PreparedChange = {
  collection: string;
  id: string;
  document: ReadDocument | null;
  existedBefore: boolean;
  keys: Record<string, string> | null;
};

/** Writes per collection (one per document); with a guard, they only land on documents behind the position. */
function groupByCollection(
  changes: PreparedChange[],
  infos: Map<string, CollectionInfo>,
  guard: string | null,
): Map<string, { id: string; write: AnyBulkWriteOperation<StoredDocument> }[]> {
  const groups = new Map<string, { id: string; write: AnyBulkWriteOperation<StoredDocument> }[]>();
  for (const change of changes) {
    if (!infos.has(change.collection)) continue;
    const writes = groups.get(change.collection) ?? [];
    const filter = (guard === null
      ? { _id: change.id }
      : { _id: change.id, $or: [{ _position: { $exists: false } }, { _position: { $lt: guard } }] }) as Filter<StoredDocument>;
    if (change.document === null) {
      if (guard !== null) {
        writes.push({ id: change.id, write: { replaceOne: { filter, replacement: { _position: guard, _deleted: true }, upsert: true } } });
      } else if (change.existedBefore) {
        writes.push({ id: change.id, write: { deleteOne: { filter } } });
      }
    } else {
      const replacement: Omit<StoredDocument, '_id'> = { json: canonicalJson(change.document), k: change.keys ?? {} };
      if (guard !== null) replacement._position = guard;
      writes.push({ id: change.id, write: { replaceOne: { filter, replacement, upsert: true } } });
    }
    if (writes.length > 0) groups.set(change.collection, writes);
  }
  return groups;
}

function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}
