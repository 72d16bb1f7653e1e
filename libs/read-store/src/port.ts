/**
 * The document-store port read models are written to by projections and read from by the API.
 * Every adapter (SQLite embedded default, MongoDB) implements it and passes the same contract
 * suite (testing/read-store.contract.ts).
 *
 * - A collection holds JSON documents keyed by their string `id` field.
 * - Collections and their indexes are declared up front and are immutable: a different index set
 *   means a new collection version (`reseller_view__v2`), rebuilt from the log and switched to
 *   through an alias in one step (blue/green). That keeps every query an indexed lookup and lets
 *   the API read one version while the projector fills the next.
 * - Writes only happen through `commit`: an atomic batch plus the projection's checkpoint, so a
 *   crash never loses or doubles an event.
 * - Every name argument accepts a logical (aliased) name or a physical collection name.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A read-model document. Amounts are decimal strings, bigints/positions are decimal strings. */
export type ReadDocument = JsonObject & { id: string };

/** The values an indexed field may hold; objects and arrays are refused at write time. */
export type IndexValue = string | number | boolean | null;

export interface IndexDeclaration {
  /** Top-level field names, in index order. */
  fields: string[];
  /** Unique among documents whose fields of this index are all non-null; null/missing never conflicts (as in SQL). */
  unique?: boolean;
}

export interface CollectionDeclaration {
  /** Physical name: `[a-z][a-z0-9_]*`, at most 64 characters, e.g. `reseller_view__v2`. */
  name: string;
  indexes: IndexDeclaration[];
}

export interface CollectionInfo {
  name: string;
  indexes: IndexDeclaration[];
}

export interface AliasInfo {
  logical: string;
  physical: string;
}

export interface RangeCondition {
  gt?: string | number;
  gte?: string | number;
  lt?: string | number;
  lte?: string | number;
}

/** Equality on an indexed field, or a range condition (bounds of one type: all numbers or all strings). */
export type WhereCondition = IndexValue | RangeCondition;
export type Where = Record<string, WhereCondition>;

export type SortDirection = 'asc' | 'desc';
export interface SortKey {
  field: string;
  direction: SortDirection;
}

export interface FindQuery {
  where?: Where;
  /** Ties are always broken by id, in the same direction. Default: the range field if any, else id. */
  sort?: SortKey[];
  /** Page size, 1..1000; default 100. */
  limit?: number;
  /** Opaque `nextCursor` of the previous page of the same query. */
  cursor?: string | null;
}

export interface FindPage {
  documents: ReadDocument[];
  /** null on the last page. */
  nextCursor: string | null;
}

/** Upsert of the whole document (its `id` is the key). */
export interface PutOperation {
  type: 'put';
  collection: string;
  document: ReadDocument;
}

/** Shallow merge of top-level fields into an existing document; a missing document fails the batch. */
export interface PatchOperation {
  type: 'patch';
  collection: string;
  id: string;
  fields: JsonObject;
}

/** Deleting a missing document is a no-op (replays stay idempotent). */
export interface DeleteOperation {
  type: 'delete';
  collection: string;
  id: string;
}

export type WriteOperation = PutOperation | PatchOperation | DeleteOperation;

export interface Checkpoint {
  projection: string;
  /** Decimal string of a non-negative bigint (a log position), never a JSON number. */
  position: string;
}

export interface CommitBatch {
  /** Applied in order; may span collections. */
  operations: WriteOperation[];
  /** Written in the same transaction. Optional only for tooling; projections always pass it. */
  checkpoint?: Checkpoint;
}

export interface ReadStore {
  /** Idempotent for an identical declaration; a different one for an existing name is refused. */
  ensureCollection(declaration: CollectionDeclaration): Promise<void>;
  /** Physical collections, sorted by name. */
  listCollections(): Promise<CollectionInfo[]>;
  /** Refused while an alias points at it; dropping a missing collection is a no-op. */
  dropCollection(physicalName: string): Promise<void>;

  /** Points `logicalName` at an existing physical collection, atomically for every reader. Returns the previous target. */
  setAlias(logicalName: string, physicalName: string): Promise<string | null>;
  /** The physical collection behind a name: the alias target, or the name itself. */
  resolve(name: string): Promise<string>;
  listAliases(): Promise<AliasInfo[]>;

  get(collection: string, id: string): Promise<ReadDocument | null>;
  find(collection: string, query?: FindQuery): Promise<FindPage>;
  count(collection: string, where?: Where): Promise<number>;

  /** All or nothing, checkpoint included. A checkpoint lower than the stored one is refused. */
  commit(batch: CommitBatch): Promise<void>;
  /** The stored position (decimal string), or null. */
  getCheckpoint(projection: string): Promise<string | null>;
  /** For rebuilds: forget a projection's checkpoint so it can start again from the beginning. */
  deleteCheckpoint(projection: string): Promise<void>;

  /** SHA-256 (hex) over the canonical JSON of every document, ordered by id. Independent of storage and name. */
  digest(collection: string): Promise<string>;
  close(): Promise<void>;
}
