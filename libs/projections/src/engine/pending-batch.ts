import type { RecordedEvent } from '@channel-ledger/event-store';
import type { ReadDocument, ReadStore, Where, WriteOperation } from '@channel-ledger/read-store';
import { ProjectionEventError } from './errors';
import type { Projection, ProjectionView } from './projection';
import { compareUtf8, matchesWhere } from './where-match';

/** Events of one batch, with the slice of operations each produced (for the per-event fallback). */
export interface BatchEntry {
  event: RecordedEvent;
  operations: WriteOperation[];
}

const FIND_PAGE = 1000;

/** A document as this batch leaves it (null: deleted). */
interface Overlaid {
  collection: string;
  id: string;
  document: ReadDocument | null;
}

/**
 * The events applied since the last commit and what they do to the documents. `apply` reads
 * through it: the documents as this batch leaves them, over the store's, and a document read once
 * is kept for the rest of the batch. The commit writes each touched document once, in its final
 * state (`operations`); each event's own operations are kept for the per-event fallback.
 * Operations are stored with physical collection names, ready for ReadStore.commit.
 */
export class PendingBatch implements ProjectionView {
  readonly entries: BatchEntry[] = [];
  /** `${physical}/${id}` → the document after this batch. */
  private readonly overlay = new Map<string, Overlaid>();
  /** `${physical}/${id}` → the stored document, as read during this batch (null: none). */
  private readonly fetched = new Map<string, ReadDocument | null>();
  private lastPosition: bigint | null = null;

  constructor(
    private readonly readStore: ReadStore,
    private readonly projection: Projection,
    /** Logical → physical names of the generation being written. */
    private readonly collections: ReadonlyMap<string, string>,
  ) {}

  get size(): number {
    return this.entries.length;
  }

  /** Documents the commit will write. */
  get documentsTouched(): number {
    return this.overlay.size;
  }

  /** Position of the last event in the batch: the checkpoint its commit writes. */
  get position(): bigint | null {
    return this.lastPosition;
  }

  /** One put or delete per touched document: what the events' operations add up to. */
  get operations(): WriteOperation[] {
    return [...this.overlay.values()].map(({ collection, id, document }) =>
      document === null ? { type: 'delete', collection, id } : { type: 'put', collection, document },
    );
  }

  /**
   * Runs the projection on one event and adds its operations. On any error the batch is left as
   * it was before the event (so the earlier events can still be committed) and a
   * ProjectionEventError names the event.
   */
  async add(event: RecordedEvent): Promise<void> {
    const handles = this.projection.handles;
    if (handles && !handles.includes(event.type)) {
      this.entries.push({ event, operations: [] });
      this.lastPosition = event.position;
      return;
    }
    try {
      const produced = await this.projection.apply(event, this);
      if (!Array.isArray(produced)) throw new Error('apply must return an array of write operations');
      const operations = produced.map((operation, i) => this.toPhysical(operation, i));
      const changes = await this.simulate(operations);
      for (const [key, change] of changes) this.overlay.set(key, change);
      this.entries.push({ event, operations });
      this.lastPosition = event.position;
    } catch (error) {
      throw new ProjectionEventError(this.projection.name, event, error);
    }
  }

  async get(collection: string, id: string): Promise<ReadDocument | null> {
    const physical = this.physical(collection);
    const document = await this.current(physical, id, `${physical}/${id}`);
    return document && clone(document);
  }

  async find(collection: string, where?: Where): Promise<ReadDocument[]> {
    const physical = this.physical(collection);
    const byId = new Map<string, ReadDocument>();
    // Always ask the store, even when the overlay could answer: it validates the query against the
    // declared indexes, so a projection cannot depend on a lookup production would refuse.
    let cursor: string | null = null;
    do {
      const page = await this.readStore.find(physical, { where, limit: FIND_PAGE, cursor });
      for (const document of page.documents) byId.set(document.id, document);
      cursor = page.nextCursor;
    } while (cursor);
    for (const { collection: overlaid, id, document } of this.overlay.values()) {
      if (overlaid !== physical) continue;
      if (document !== null && matchesWhere(document, where)) byId.set(id, clone(document));
      else byId.delete(id);
    }
    return [...byId.values()].sort((a, b) => compareUtf8(a.id, b.id));
  }

  async count(collection: string, where?: Where): Promise<number> {
    return (await this.find(collection, where)).length;
  }

  private physical(logical: string): string {
    const physical = this.collections.get(logical);
    if (!physical) {
      throw new Error(
        `Projection "${this.projection.name}" has no collection "${logical}" (declared: ${[...this.collections.keys()].join(', ')})`,
      );
    }
    return physical;
  }

  private toPhysical(operation: WriteOperation, index: number): WriteOperation {
    if (!operation || typeof operation !== 'object') throw new Error(`operation ${index} is not an object`);
    // Cloned so a projection that keeps and mutates its objects cannot alter a pending batch.
    return { ...clone(operation), collection: this.physical(operation.collection) };
  }

  /**
   * The documents the operations leave behind, read through the overlay; refuses a patch of a
   * missing document. The operations are this batch's own copies, so their objects can be kept.
   */
  private async simulate(operations: WriteOperation[]): Promise<Map<string, Overlaid>> {
    const changes = new Map<string, Overlaid>();
    for (const operation of operations) {
      const id = operation.type === 'put' ? operation.document?.id : operation.id;
      if (typeof id !== 'string' || id.length === 0) throw new Error(`${operation.type} on ${operation.collection} without an id`);
      const { collection } = operation;
      const key = `${collection}/${id}`;
      switch (operation.type) {
        case 'put':
          changes.set(key, { collection, id, document: operation.document });
          break;
        case 'delete':
          changes.set(key, { collection, id, document: null });
          break;
        case 'patch': {
          const current = changes.has(key) ? changes.get(key)!.document : await this.current(collection, id, key);
          if (current === null) throw new Error(`patch of ${collection}/${id}: the document does not exist`);
          if ('id' in operation.fields) throw new Error(`patch of ${collection}/${id} cannot change the id`);
          changes.set(key, { collection, id, document: { ...current, ...operation.fields, id: current.id } });
          break;
        }
        default:
          throw new Error(`unknown operation type ${JSON.stringify((operation as { type?: unknown }).type)}`);
      }
    }
    return changes;
  }

  /** The document as this batch leaves it so far; never handed out without a copy. */
  private async current(physical: string, id: string, key: string): Promise<ReadDocument | null> {
    const overlaid = this.overlay.get(key);
    if (overlaid) return overlaid.document;
    if (this.fetched.has(key)) return this.fetched.get(key)!;
    const stored = await this.readStore.get(physical, id);
    this.fetched.set(key, stored);
    return stored;
  }
}

/**
 * Copies arrays and plain objects, keeps anything else as is, so the store still sees (and
 * refuses) a Date or undefined a projection returned. Not structuredClone: under jest it builds
 * objects of another realm, which the store's plain-object check rightly refuses.
 */
function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value !== null && typeof value === 'object' && isPlain(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = clone(item);
    return copy as T;
  }
  return value;
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
