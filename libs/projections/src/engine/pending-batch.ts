import type { RecordedEvent } from '@channel-ledger/event-store';
import type { JsonObject, ReadDocument, ReadStore, Where, WriteOperation } from '@channel-ledger/read-store';
import { ProjectionEventError } from './errors';
import type { Projection, ProjectionView } from './projection';
import { compareUtf8, matchesWhere } from './where-match';

/** Events of one batch, with the slice of operations each produced (for the per-event fallback). */
export interface BatchEntry {
  event: RecordedEvent;
  operations: WriteOperation[];
}

const FIND_PAGE = 1000;

/**
 * The operations of the events applied since the last commit, plus an overlay of the documents
 * they produce, so `apply` reads its own uncommitted writes. Operations are stored with physical
 * collection names, ready for ReadStore.commit.
 */
export class PendingBatch implements ProjectionView {
  readonly entries: BatchEntry[] = [];
  /** `${physical}/${id}` → the document after this batch (null = deleted). */
  private readonly overlay = new Map<string, ReadDocument | null>();
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

  /** Position of the last event in the batch: the checkpoint its commit writes. */
  get position(): bigint | null {
    return this.lastPosition;
  }

  get operations(): WriteOperation[] {
    return this.entries.flatMap((entry) => entry.operations);
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
      for (const [key, document] of changes) this.overlay.set(key, document);
      this.entries.push({ event, operations });
      this.lastPosition = event.position;
    } catch (error) {
      throw new ProjectionEventError(this.projection.name, event, error);
    }
  }

  async get(collection: string, id: string): Promise<ReadDocument | null> {
    const physical = this.physical(collection);
    const key = `${physical}/${id}`;
    if (this.overlay.has(key)) return clone(this.overlay.get(key)!);
    return this.readStore.get(physical, id);
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
    const prefix = `${physical}/`;
    for (const [key, document] of this.overlay) {
      if (!key.startsWith(prefix)) continue;
      const id = key.slice(prefix.length);
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

  /** The documents the operations leave behind, read through the overlay; refuses a patch of a missing document. */
  private async simulate(operations: WriteOperation[]): Promise<Map<string, ReadDocument | null>> {
    const changes = new Map<string, ReadDocument | null>();
    for (const operation of operations) {
      const id = operation.type === 'put' ? operation.document?.id : operation.id;
      if (typeof id !== 'string' || id.length === 0) throw new Error(`${operation.type} on ${operation.collection} without an id`);
      const key = `${operation.collection}/${id}`;
      switch (operation.type) {
        case 'put':
          changes.set(key, clone(operation.document));
          break;
        case 'delete':
          changes.set(key, null);
          break;
        case 'patch': {
          const current = changes.has(key) ? changes.get(key)! : await this.current(operation.collection, id, key);
          if (current === null) throw new Error(`patch of ${operation.collection}/${id}: the document does not exist`);
          changes.set(key, { ...current, ...(clone(operation.fields) as JsonObject), id: current.id });
          break;
        }
        default:
          throw new Error(`unknown operation type ${JSON.stringify((operation as { type?: unknown }).type)}`);
      }
    }
    return changes;
  }

  private async current(physical: string, id: string, key: string): Promise<ReadDocument | null> {
    if (this.overlay.has(key)) return this.overlay.get(key)!;
    return this.readStore.get(physical, id);
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
