import { AllStreamSubscription, EventStoreDBClient, excludeSystemEvents, START } from '@eventstore/db-client';
import { AllSubscription, RecordedEvent, SubscriptionStoppedError } from '../port';
import { classifySubscriptionError, errorType } from './esdb-errors';
import { commitPositionOf, fromEsdbRecordedEvent, isSystemEvent } from './esdb-mapping';

/** What happened to a live $all subscription: for logs, readiness and metrics. */
export type SubscriptionIncident =
  | { kind: 'dropped'; reason: string; errorType: string | null; consecutiveDrops: number; retryInMs: number; after: string | null }
  | { kind: 'stopped'; reason: string; errorType: string | null; after: string | null };

export interface EsdbSubscriptionOptions {
  after: bigint | null;
  /** First wait after a dropped subscription; doubles per consecutive drop up to 30 s. */
  retryDelayMs: number;
  onIncident: (incident: SubscriptionIncident) => void;
  /** The server confirmed a (re)subscription, or it delivered an event. */
  onConnected: () => void;
  onClosed: (subscription: EsdbAllSubscription) => void;
}

const MAX_RETRY_DELAY_MS = 30_000;

/**
 * A catch-up subscription to $all (the server filters system events out). When the server drops
 * it (restart, leader change, network), it reports the drop and subscribes again from the last
 * position it delivered, so the consumer sees every event once, in order, across drops. A failure
 * retrying cannot fix (esdb-errors.ts) ends the iteration with SubscriptionStoppedError instead of
 * retrying forever.
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
    let consecutiveNotLeader = 0;
    try {
      while (!this.closed) {
        const subscription = this.client.subscribeToAll({
          // Exclusive on the server; the already-delivered check below makes it so either way.
          fromPosition: cursor === null ? START : { commit: cursor, prepare: cursor },
          filter: excludeSystemEvents(),
          resolveLinkTos: false,
        });
        this.current = subscription;
        subscription.once('confirmation', () => this.options.onConnected());
        let failure: unknown = null;
        try {
          for await (const resolved of subscription) {
            const event = resolved.event;
            if (event === undefined || isSystemEvent(event)) continue;
            const position = commitPositionOf(event);
            // A resubscription may start at (or, on some servers, before) what we already gave out.
            if (cursor !== null && position <= cursor) continue;
            const recorded = fromEsdbRecordedEvent(event, position);
            if (consecutiveDrops > 0) this.options.onConnected();
            yield recorded;
            cursor = position;
            consecutiveDrops = 0;
            consecutiveNotLeader = 0;
            if (this.closed) return;
          }
        } catch (error) {
          if (this.closed) return;
          failure = error;
        } finally {
          if (this.current === subscription) this.current = null;
          await subscription.unsubscribe().catch(() => undefined);
        }
        if (this.closed) return;
        // Dropped with an error, or ended by the server without one.
        const type = failure === null ? null : (errorType(failure) ?? null);
        consecutiveNotLeader = type === 'not-leader' ? consecutiveNotLeader + 1 : 0;
        const { permanent, reason } =
          failure === null
            ? { permanent: false, reason: 'the server ended the subscription' }
            : classifySubscriptionError(failure, consecutiveNotLeader);
        const after = cursor === null ? null : cursor.toString();
        if (permanent) {
          this.options.onIncident({ kind: 'stopped', reason, errorType: type, after });
          throw new SubscriptionStoppedError(reason, failure);
        }
        consecutiveDrops++;
        const retryInMs = Math.min(this.options.retryDelayMs * 2 ** (consecutiveDrops - 1), MAX_RETRY_DELAY_MS);
        this.options.onIncident({ kind: 'dropped', reason, errorType: type, consecutiveDrops, retryInMs, after });
        await this.retryDelay(retryInMs);
      }
    } finally {
      await this.close();
    }
  }

  private retryDelay(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeFromRetryDelay = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.wakeFromRetryDelay = done;
    });
  }
}
