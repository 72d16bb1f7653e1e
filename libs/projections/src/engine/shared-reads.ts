import type {
  AllSubscription,
  EventStore,
  ReadAllOptions,
  ReadAllPage,
  RecordedEvent,
  SubscribeOptions,
} from '@channel-ledger/event-store';
import { ForwardingEventStore } from '@channel-ledger/event-store';
import { ChangeSignal, deferred } from './change-signal';
import { SharedLogPages } from './shared-log-pages';

/** Events of the shared live tail kept for subscribers a little behind (default 4096). */
export const DEFAULT_SHARED_TAIL_EVENTS = 4096;
/** Events per readAll page for a subscriber behind the tail. */
const CATCH_UP_PAGE = 500;

/**
 * One live subscription for all of a runner's workers. Each projection follows the log with a
 * subscription of its own; through the ledger's store every one of them read, parsed, decrypted
 * and upcast every event again (six times per command in the API). Here one subscription of the
 * store below reads each event once into a bounded tail, and every
 * subscriber reads the same RecordedEvent objects from it, each at its own pace and position. A
 * subscriber behind the tail (a projection catching up, or one that fell more than the tail's
 * length behind) reads pages with readAll until it reaches it. Events are shared, so subscribers
 * must not mutate them (nothing does: projections fold them into documents of their own).
 *
 * Catch-up pages are shared too (`readAll`); everything else goes to the store below unchanged.
 */
export class SharedReadsEventStore extends ForwardingEventStore {
  private tail: SharedTail | null = null;
  private readonly pages: SharedLogPages;

  constructor(
    inner: EventStore,
    private readonly tailEvents = DEFAULT_SHARED_TAIL_EVENTS,
  ) {
    super(inner);
    this.pages = new SharedLogPages(inner);
  }

  /** Catch-up pages, read once for every worker asking for the same page (SharedLogPages). */
  override readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    const after = options.after ?? null;
    if ((typeof after !== 'bigint' && after !== null) || options.limit === undefined) return this.inner.readAll(options);
    return this.pages.read(after, options.limit);
  }

  /** The next reads go to the store: what the log reads as has changed (an erasure). */
  forgetPages(): void {
    this.pages.clear();
  }

  override subscribeToAll(options: SubscribeOptions = {}): AllSubscription {
    const after = options.after ?? null;
    if (typeof after !== 'bigint' && after !== null) return this.inner.subscribeToAll(options); // let the store refuse it
    if (!this.tail || this.tail.ended) this.tail = new SharedTail(this.inner, after, this.tailEvents);
    return new SharedSubscription(this.tail, this.inner, after);
  }

  override async close(): Promise<void> {
    await this.tail?.close();
    this.tail = null;
    await this.inner.close();
  }
}

/** The single subscription below, and the last `capacity` events it delivered. */
class SharedTail {
  /** Events delivered, positions strictly increasing. */
  private events: RecordedEvent[] = [];
  /** Every event after `floor` up to the last one delivered is in `events` (null: from the start of the log). */
  private floor: bigint | null;
  private readonly subscription: AllSubscription;
  private readonly running: Promise<void>;
  private readonly changed = new ChangeSignal();
  private subscribers = 0;
  private closed = false;
  failed = false;
  error: unknown = null;

  constructor(
    inner: EventStore,
    after: bigint | null,
    private readonly capacity: number,
  ) {
    this.floor = after;
    this.subscription = inner.subscribeToAll({ after });
    this.running = this.run();
  }

  /** Whether the events after `cursor` are all here (or will be, as they arrive). */
  covers(cursor: bigint | null): boolean {
    return this.floor === null || (cursor !== null && cursor >= this.floor);
  }

  /** The events after `cursor` that are here now, oldest first (empty: none yet). */
  after(cursor: bigint | null): RecordedEvent[] {
    const events = this.events;
    let low = 0;
    let high = events.length;
    if (cursor !== null) {
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (events[mid].position <= cursor) low = mid + 1;
        else high = mid;
      }
    }
    return low < events.length ? events.slice(low) : [];
  }

  /** Resolves at the next event, failure or close. */
  whenChanged(): Promise<void> {
    return this.changed.next;
  }

  get ended(): boolean {
    return this.closed || this.failed;
  }

  attach(): void {
    this.subscribers++;
  }

  /** The last subscriber gone: the subscription below is closed (a new one starts with the next subscriber). */
  async detach(): Promise<void> {
    if (--this.subscribers === 0) await this.close();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.notify();
    await this.subscription.close();
    await this.running;
  }

  private async run(): Promise<void> {
    try {
      for await (const event of this.subscription) {
        if (this.closed) return;
        this.events.push(event);
        if (this.events.length > 2 * this.capacity) {
          const dropped = this.events.length - this.capacity;
          this.floor = this.events[dropped - 1].position;
          this.events = this.events.slice(dropped);
        }
        this.notify();
      }
      // The subscription below ended without close(): nothing more will come through this tail.
      if (!this.closed) throw new Error('the shared subscription ended');
    } catch (error) {
      if (this.closed) return;
      this.failed = true;
      this.error = error;
      this.notify();
    }
  }

  private notify(): void {
    this.changed.notify();
  }
}

/** One subscriber: pages from the store while behind the tail, then the tail's events. */
class SharedSubscription implements AllSubscription {
  private closed = false;
  private detached = false;
  /** Resolved by close(), so a subscriber waiting for the next event stops at once. */
  private readonly closing = deferred();

  constructor(
    private readonly tail: SharedTail,
    private readonly store: EventStore,
    private readonly start: bigint | null,
  ) {
    tail.attach();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.events();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closing.resolve();
    await this.detach();
  }

  private async detach(): Promise<void> {
    if (this.detached) return;
    this.detached = true;
    await this.tail.detach();
  }

  private async *events(): AsyncGenerator<RecordedEvent> {
    let cursor = this.start;
    try {
      while (!this.closed) {
        const changed = this.tail.whenChanged();
        if (!this.tail.covers(cursor)) {
          const page = await this.store.readAll({ after: cursor, limit: CATCH_UP_PAGE });
          for (const event of page.events) {
            yield event;
            if (this.closed) return;
            cursor = event.position;
          }
          if (page.events.length === 0 && !(await this.waitFor(changed))) return;
          continue;
        }
        // What the tail holds is delivered first, even when it failed or closed after it.
        const ready = this.tail.after(cursor);
        for (const event of ready) {
          yield event;
          if (this.closed) return;
          cursor = event.position;
        }
        if (ready.length === 0 && !(await this.waitFor(changed))) return;
      }
    } finally {
      this.closed = true;
      await this.detach();
    }
  }

  /** Waits for the tail to change; false when it never will (closed), throws its failure. */
  private async waitFor(changed: Promise<void>): Promise<boolean> {
    if (this.tail.failed) throw this.tail.error;
    if (this.tail.ended) return false;
    await Promise.race([changed, this.closing.promise]);
    return true;
  }
}
