import type { LedgerEvent } from '@channel-ledger/domain';
import type { RecordedEvent } from '@channel-ledger/event-store';
import type { ReadDocument, WriteOperation } from '@channel-ledger/read-store';
import { defineProjection, type Projection, type ProjectionCollection, type ProjectionView } from './projection';

/**
 * A recorded event with its data typed by its type: the store's envelope (stream, position,
 * metadata) around one of the ledger's events. `Recorded<SubscriptionEvent>` narrows on `type`.
 */
export type Recorded<E extends LedgerEvent = LedgerEvent> = E extends LedgerEvent
  ? Omit<RecordedEvent, 'type' | 'data'> & Pick<E, 'type' | 'data'>
  : never;

/**
 * The one place a stored event's JSON is taken for the domain's type. Sound because the event
 * store upcasts every event to its type's current shape on read, and that is the shape the
 * domain's event types describe. An event of a type the ledger does not know (a test's own) is
 * passed on unchecked: read models switch on the type and leave it alone.
 */
export function asLedgerEvent(recorded: RecordedEvent): Recorded {
  return recorded as unknown as Recorded;
}

/** The ids of the documents an event concerns: none (null), one, or several. */
export type DocumentIds = string | null | readonly string[];

/**
 * One collection kept document by document, as a single-stream projection keeps one document
 * per stream: which document an event concerns, and what that document becomes. Nothing else is
 * read or written, so `evolve` is a plain function of the document and the event.
 */
export interface DocumentEvolution<D extends ReadDocument, E extends LedgerEvent = LedgerEvent> {
  /** Logical name of the collection, one of the projection's. */
  readonly collection: string;
  readonly handles: readonly E['type'][];
  /** May look up through the view when the event does not name its document (a link from a subscription to its organization). */
  keyOf(event: Recorded<E>, view: ProjectionView): DocumentIds | Promise<DocumentIds>;
  /**
   * The document after the event. `document` is null before the first event that creates it;
   * return null for no document (deleted if there was one), or the document as it was to write
   * nothing. `id` is the key it was asked for (the id of a document to create).
   */
  evolve(document: D | null, event: Recorded<E>, id: string): D | null;
}

/**
 * The raw form, typed: every write a projection makes for some event types, when they span
 * several documents or read others (counters by month, lookups). The escape hatch beside the
 * document evolutions, as `apply` is for a whole projection.
 */
export interface EventWrites<E extends LedgerEvent = LedgerEvent> {
  readonly handles: readonly E['type'][];
  writes(event: Recorded<E>, view: ProjectionView): Promise<WriteOperation[]> | WriteOperation[];
}

/**
 * Reads one document through the view (as the batch has left it), evolves it, and says what to
 * write: a put, a delete, or nothing when it did not change. The building block of the document
 * form, usable from raw writes too.
 */
export async function evolveDocument<D extends ReadDocument>(
  view: ProjectionView,
  collection: string,
  id: string,
  evolve: (document: D | null) => D | null,
): Promise<WriteOperation[]> {
  const document = (await view.get(collection, id)) as D | null;
  const next = evolve(document);
  if (next === null) return document === null ? [] : [{ type: 'delete', collection, id }];
  if (next.id !== id) throw new Error(`${collection}/${id}: evolve returned a document with id "${next.id}"`);
  // The document returned as it was given means "nothing to write". Comparing contents instead
  // cost two serializations per event; a batch writes each touched document once anyway.
  return next === document ? [] : [{ type: 'put', collection, document: next }];
}

/** The writes of a document evolution, for the events it handles. */
export function documentWrites<D extends ReadDocument, E extends LedgerEvent>(evolution: DocumentEvolution<D, E>): EventWrites<E> {
  return {
    handles: evolution.handles,
    async writes(event, view) {
      const ids = await evolution.keyOf(event, view);
      const writes: WriteOperation[] = [];
      for (const id of ids === null ? [] : typeof ids === 'string' ? [ids] : ids) {
        writes.push(...(await evolveDocument<D>(view, evolution.collection, id, (document) => evolution.evolve(document, event, id))));
      }
      return writes;
    },
  };
}

export interface LedgerProjectionDefinition {
  name: string;
  version: number;
  collections: ProjectionCollection[];
  /** Collections kept document by document. */
  documents?: readonly DocumentEvolution<ReadDocument>[];
  /** Writes that need several documents or lookups. */
  writes?: readonly EventWrites[];
}

/**
 * A projection of the ledger's typed events, made of document evolutions and typed writes; it
 * handles what its parts handle. Every part reads the documents as they were before the event,
 * so no two parts may write the same document for the same event (two evolutions may keep one
 * collection for different event types: an organization's own events and its subscriptions').
 */
export function defineLedgerProjection(definition: LedgerProjectionDefinition): Projection {
  const parts = [...(definition.documents ?? []).map((evolution) => documentWrites(evolution)), ...(definition.writes ?? [])];
  const handlers = parts.map((part) => ({ part, handles: new Set<string>(part.handles) }));
  return defineProjection({
    name: definition.name,
    version: definition.version,
    collections: definition.collections,
    handles: [...new Set(parts.flatMap((part) => part.handles))],
    async apply(recorded, view) {
      const event = asLedgerEvent(recorded);
      const writes: WriteOperation[] = [];
      for (const { part, handles } of handlers) {
        if (handles.has(event.type)) writes.push(...(await part.writes(event, view)));
      }
      return writes;
    },
  });
}

/** A projection of one collection, one document per key: Emmett's and Marten's single-stream projection. */
export function defineDocumentProjection<D extends ReadDocument, E extends LedgerEvent = LedgerEvent>(
  definition: { name: string; version: number; collection: ProjectionCollection } & Omit<DocumentEvolution<D, E>, 'collection'>,
): Projection {
  const { name, version, collection, handles, keyOf, evolve } = definition;
  return defineLedgerProjection({
    name,
    version,
    collections: [collection],
    writes: [documentWrites<D, E>({ collection: collection.name, handles, keyOf, evolve })],
  });
}
