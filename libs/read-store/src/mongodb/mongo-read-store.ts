import {
  AnyBulkWriteOperation,
  BSON,
  ClientSession,
  Collection,
  Db,
  Filter,
  MongoClient,
  MongoClientOptions,
  MongoServerError,
} from 'mongodb';
import {
  BatchRejectedError,
  CheckpointRegressionError,
  DocumentTooLargeError,
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
import { assertDocumentSize } from '../shared/document-size';
import { indexKeysOf } from '../shared/index-keys';
import { canonicalJson } from '../shared/json';
import { assertCollectionName, assertDocumentId, assertProjectionName } from '../shared/names';
import { planFilter, planFind } from '../shared/query-plan';
import { assertMongoDatabaseName } from './database-name';
import { fromNativeDocument, NativeDocument, toNativeDocument } from './mongo-document';
import { indexSpecs, mongoFilter, mongoSort } from './mongo-query';

export interface MongoReadStoreOptions {
  /** e.g. `mongodb://localhost:27017/?replicaSet=rs0`: a replica set (one node is enough) or a sharded cluster. */
  uri: string;
  /** See database-name.ts for the rule (the configuration checks it at start-up too). */
  database: string;
  clientOptions?: MongoClientOptions;
}

/**
 * The server cannot run multi-document transactions (a standalone mongod), so a batch and its
 * checkpoint cannot commit together. There is no fallback: a non-atomic mode replays a batch
 * after a crash onto documents an earlier attempt already wrote, and running totals double.
 */
export class MongoTransactionsUnavailableError extends Error {
  override readonly name = 'MongoTransactionsUnavailableError';
}

/** MongoDB's own limit on one document. */
export const MAX_BSON_DOCUMENT_BYTES = 16 * 1024 * 1024;

const DUPLICATE_KEY = 11000;
const NAMESPACE_NOT_FOUND = 26;
const NAMESPACE_EXISTS = 48;

/**
 * Bookkeeping, in names the port can never produce (a collection name is `[a-z][a-z0-9_]*`, no
 * dot), so no read model can collide with them. Read models are the other collections: each
 * physical version (`reporting_monthly_sales__v1`) is a collection of native documents, and each
 * logical name (`reporting_monthly_sales`) is a view on the version its alias points to, which is
 * what dashboards query.
 */
export const META_COLLECTIONS = {
  collections: 'read_store.collections',
  aliases: 'read_store.aliases',
  checkpoints: 'read_store.checkpoints',
} as const;

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
  /** Decimal string (an unsigned 64-bit log position does not fit a signed Int64). */
  position: string;
}

export async function openMongoReadStore(options: MongoReadStoreOptions): Promise<ReadStore> {
  assertMongoDatabaseName(options.database);
  const client = new MongoClient(options.uri, options.clientOptions);
  await client.connect();
  try {
    const db = client.db(options.database);
    const hello = await db.admin().command({ hello: 1 });
    if (typeof hello.setName !== 'string' && hello.msg !== 'isdbgrid') {
      throw new MongoTransactionsUnavailableError(
        'MongoDB is a standalone server: the read store commits each batch of documents together with its checkpoint in one ' +
          'multi-document transaction, which needs a replica set or a sharded cluster. A one-node replica set is enough: ' +
          'start mongod with --replSet rs0, run rs.initiate() once, and add ?replicaSet=rs0 to MONGODB_URI (docker-compose.yml does this).',
      );
    }
    const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
    // Created up front: a transaction cannot always create the collections it writes to.
    for (const name of Object.values(META_COLLECTIONS)) {
      if (!existing.has(name)) await db.createCollection(name).catch(ignoreCode(NAMESPACE_EXISTS)); // or created concurrently
    }
    const store = new MongoReadStore(client, db);
    await store.reconcileViews();
    return store;
  } catch (error) {
    await client.close();
    throw error;
  }
}

/**
 * Thin: validation, query planning, cursors, batch application and digests are the shared,
 * tested code in ../shared; the document mapping (mongo-document.ts) and query translation
 * (mongo-query.ts) are pure and tested without a server. This class moves their results to and
 * from MongoDB.
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
  ) {
    this.collections = db.collection<CollectionMeta>(META_COLLECTIONS.collections);
    this.aliases = db.collection<AliasMeta>(META_COLLECTIONS.aliases);
    this.checkpoints = db.collection<CheckpointMeta>(META_COLLECTIONS.checkpoints);
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
    const [existing] = await this.db.listCollections({ name: info.name }, { nameOnly: true }).toArray();
    if (existing?.type === 'view') {
      throw new ReadStoreUsageError(
        `"${info.name}" is a view in MongoDB (an alias's name); declare a physical (versioned) collection name`,
      );
    }
    if (!existing) await this.db.createCollection(info.name).catch(ignoreCode(NAMESPACE_EXISTS));
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
    await this.documents(physicalName).drop().catch(ignoreCode(NAMESPACE_NOT_FOUND));
  }

  async setAlias(logicalName: string, physicalName: string): Promise<string | null> {
    assertCollectionName(logicalName, 'alias name');
    assertCollectionName(physicalName);
    if (await this.declaration(logicalName, { fresh: true })) {
      throw new ReadStoreUsageError(`"${logicalName}" is a physical collection; an alias needs a name of its own`);
    }
    if (!(await this.declaration(physicalName, { fresh: true }))) throw new UnknownCollectionError(physicalName);
    // One single-document update: every reader of the port sees either the old or the new target.
    const previous = await this.aliases.findOneAndUpdate(
      { _id: logicalName },
      { $set: { physical: physicalName } },
      { upsert: true, returnDocument: 'before' },
    );
    // Then the view dashboards query; a crash in between is repaired when a store next opens.
    await this.pointView(logicalName);
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
    const row = await this.documents(info.name).findOne({ _id: id });
    return row ? fromNativeDocument(row) : null;
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
      .find(mongoFilter(plan, after, plan) as Filter<NativeDocument>, { sort: mongoSort(plan), limit: plan.limit + 1 })
      .toArray();
    const documents = rows.slice(0, plan.limit).map(fromNativeDocument);
    const nextCursor = rows.length > plan.limit ? encodeCursor(plan, info.name, documents[documents.length - 1]) : null;
    return { documents, nextCursor };
  }

  async count(collection: string, where?: Where): Promise<number> {
    const info = await this.collection(collection);
    return this.documents(info.name).countDocuments(mongoFilter(planFilter(info, where)) as Filter<NativeDocument>);
  }

  /** Documents and checkpoint in one multi-document transaction: all or nothing. */
  async commit(batch: CommitBatch): Promise<void> {
    const validated = validateBatch(batch);
    const session = this.client.startSession();
    try {
      await session.withTransaction(async (s) => this.commitInTransaction(validated, s), {
        readConcern: { level: 'snapshot' },
        writeConcern: { w: 'majority' },
      });
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new BatchRejectedError(`Batch violates a unique index (${(error as Error).message}); nothing was written`);
      }
      throw error;
    } finally {
      await session.endSession();
    }
  }

  private async commitInTransaction({ operations, checkpoint }: ValidatedBatch, session: ClientSession): Promise<void> {
    if (checkpoint) {
      const stored = await this.checkpoints.findOne({ _id: checkpoint.projection }, { session });
      if (stored && BigInt(stored.position) > checkpoint.position) {
        throw new CheckpointRegressionError(checkpoint.projection, stored.position, checkpoint.position.toString());
      }
    }
    for (const [collection, writes] of await this.prepare(operations, session)) {
      await this.documents(collection).bulkWrite(writes, { session, ordered: true });
    }
    if (checkpoint) {
      await this.checkpoints.updateOne(
        { _id: checkpoint.projection },
        { $set: { position: checkpoint.position.toString() } },
        { upsert: true, session },
      );
    }
  }

  /**
   * Resolves collections, loads the touched documents, applies the operations in memory
   * (shared/batch.ts) and turns each final state into one write per document. Every check that
   * can refuse the batch (indexable values, document size) runs here, before the first write.
   */
  private async prepare(
    operations: WriteOperation[],
    session: ClientSession,
  ): Promise<Map<string, AnyBulkWriteOperation<NativeDocument>[]>> {
    const infos = new Map<string, CollectionInfo>();
    const resolvedNames = new Map<string, string>();
    for (const name of new Set(operations.map((o) => o.collection))) {
      const alias = await this.aliasTarget(name, session);
      const info = await this.declaration(alias ?? name);
      if (!info) throw new UnknownCollectionError(name);
      resolvedNames.set(name, info.name);
      infos.set(info.name, info);
    }
    const resolved = operations.map((o) => ({ ...o, collection: resolvedNames.get(o.collection)! }));
    const current = new Map<string, ReadDocument | null>();
    const idsByCollection = new Map<string, string[]>();
    for (const ref of touchedDocuments(resolved))
      idsByCollection.set(ref.collection, [...(idsByCollection.get(ref.collection) ?? []), ref.id]);
    for (const [collection, ids] of idsByCollection) {
      const rows = await this.documents(collection)
        .find({ _id: { $in: ids } }, { session })
        .toArray();
      for (const row of rows) current.set(documentKey({ collection, id: row._id }), fromNativeDocument(row));
    }
    const writes = new Map<string, AnyBulkWriteOperation<NativeDocument>[]>();
    for (const change of applyOperations(resolved, current)) {
      const list = writes.get(change.collection) ?? [];
      writes.set(change.collection, list);
      if (change.document === null) {
        if (change.existedBefore) list.push({ deleteOne: { filter: { _id: change.id } } });
        continue;
      }
      const info = infos.get(change.collection)!;
      const fields = indexedFields(info);
      indexKeysOf(change.document, fields, info.name); // refuses objects and arrays in indexed fields
      assertDocumentSize(info.name, change.id, canonicalJson(change.document));
      const native = toNativeDocument(change.document, new Set(fields));
      const bytes = BSON.calculateObjectSize(native);
      if (bytes > MAX_BSON_DOCUMENT_BYTES) throw new DocumentTooLargeError(info.name, change.id, bytes, MAX_BSON_DOCUMENT_BYTES, 'BSON');
      list.push({ replaceOne: { filter: { _id: change.id }, replacement: native, upsert: true } });
    }
    return writes;
  }

  async getCheckpoint(projection: string): Promise<string | null> {
    assertProjectionName(projection);
    return (await this.checkpoints.findOne({ _id: projection }))?.position ?? null;
  }

  async deleteCheckpoint(projection: string): Promise<void> {
    assertProjectionName(projection);
    await this.checkpoints.deleteOne({ _id: projection });
  }

  /** From the canonical form at read time: the same digest as SQLite for the same documents. */
  async digest(collection: string): Promise<string> {
    const info = await this.collection(collection);
    const builder = new DigestBuilder();
    // _id strings sort by UTF-8 bytes under the default (simple) collation: the digest's order.
    for await (const row of this.documents(info.name).find({}, { sort: { _id: 1 } })) builder.add(fromNativeDocument(row));
    return builder.hex();
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** Every alias's view points at the alias's target (repairs a crash between the two updates). */
  async reconcileViews(): Promise<void> {
    for (const alias of await this.aliases.find({}).toArray()) await this.pointView(alias._id);
  }

  /**
   * Creates or moves the view named `logical` onto the collection its alias names. Re-reads the
   * alias afterwards: a concurrent setAlias that moved the alias meanwhile gets the view too.
   */
  private async pointView(logical: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const target = await this.aliasTarget(logical);
      if (target === null) return;
      const [existing] = (await this.db.listCollections({ name: logical }, { nameOnly: false }).toArray()) as {
        type?: string;
        options?: { viewOn?: string };
      }[];
      if (existing && existing.type !== 'view') {
        throw new ReadStoreUsageError(`"${logical}" exists in MongoDB as a collection, so the alias's view cannot take that name`);
      }
      const viewOn = existing?.options?.viewOn;
      if (viewOn !== target) {
        if (existing) {
          await this.db.command({ collMod: logical, viewOn: target, pipeline: [] });
        } else {
          await this.db.createCollection(logical, { viewOn: target, pipeline: [] }).catch(async (error: unknown) => {
            if (!(error instanceof MongoServerError && error.code === NAMESPACE_EXISTS)) throw error;
            await this.db.command({ collMod: logical, viewOn: target, pipeline: [] }); // created concurrently
          });
        }
      }
      if ((await this.aliasTarget(logical)) === target) return;
    }
  }

  private documents(collection: string): Collection<NativeDocument> {
    return this.db.collection<NativeDocument>(collection);
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

function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

function ignoreCode(code: number): (error: unknown) => void {
  return (error) => {
    if (!(error instanceof MongoServerError && error.code === code)) throw error;
  };
}
