import { AllStreamSubscription, EventStoreDBClient, excludeSystemEvents, START } from '@eventstore/db-client';
import type { AllSubscription, RecordedEvent } from '../port';
import { commitPositionOf, fromEsdbRecordedEvent, isSystemEvent, MalformedStoredEventError } from './esdb-mapping';

export interface EsdbSubscriptionOptions {
  after: bigint | null;
  /** First wait after a dropped subscription; doubles per consecutive drop up to 30 s. */
  retryDelayMs: number;
  onDropped?: (error: unknown) => void;
  onClosed: (subscription: EsdbAllSubscription) => void;
}

const MAX_RETRY_DELAY_MS = 30_000;

/**
 * A catch-up subscription to $all (the server filters system events out). When the server drops
 * it (restart, leader change, network), it subscribes again from the last position it delivered,
 * so the consumer sees every event once, in order, across drops.
 */
export class EsdbAllSubscription implements AllSubscription {
  private closed = false;
  private current: AllStreamSubscription | null = null;
  private wakeFromRetryDelay: (() => void) | null = null;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EsdbSubscriptionOptions,
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.events();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.wakeFromRetryDelay?.();
    const current = this.current;
    this.current = null;
    await current?.unsubscribe().catch(() => undefined);
    this.options.onClosed(this);
  }

  private async *events(): AsyncGenerator<RecordedEvent> {
    let cursor = this.options.after;
    let consecutiveDrops = 0;
    try {
      while (!this.closed) {
        const subscription = this.client.subscribeToAll({
          // The start position is the last delivered event; it is skipped below either way.
          fromPosition: cursor === null ? START : { commit: cursor, prepare: cursor },
          filter: excludeSystemEvents(),
          resolveLinkTos: false,
        });
        this.current = subscription;
        try {
          for await (const resolved of subscription) {
            const event = resolved.event;
            if (event === undefined || isSystemEvent(event)) continue;
            const position = commitPositionOf(event);
            // A resubscription may start at (or, on some servers, before) what we already gave out.
            if (cursor !== null && position <= cursor) continue;
            const recorded = fromEsdbRecordedEvent(event, position);
            yield recorded;
            cursor = position;
            consecutiveDrops = 0;
            if (this.closed) return;
          }
        } catch (error) {
          if (this.closed) return;
          // A malformed event would fail the same way after every resubscription.
          if (error instanceof MalformedStoredEventError) throw error;
          this.options.onDropped?.(error);
        } finally {
          if (this.current === subscription) this.current = null;
          await subscription.unsubscribe().catch(() => undefined);
        }
        if (this.closed) return;
        // Dropped, or ended by the server without an error: subscribe again after a pause.
        consecutiveDrops++;
        await this.retryDelay(Math.min(this.options.retryDelayMs * 2 ** (consecutiveDrops - 1), MAX_RETRY_DELAY_MS));
      }
    } finally {
      await this.close();
    }
  }

  private retryDelay(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      const self = this;
      function done(): void {
        clearTimeout(timer);
        self.wakeFromRetryDelay = null;
        resolve();
      }
      this.wakeFromRetryDelay = done;
    });
  }
}
