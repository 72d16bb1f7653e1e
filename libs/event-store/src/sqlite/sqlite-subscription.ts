import type { AllSubscription, ReadAllPage, RecordedEvent } from '../port';

export interface SubscriptionSource {
  readPage(after: bigint | null): ReadAllPage;
  /** Calls `onAppend` whenever this process appends; returns a function that stops listening. */
  listen(onAppend: () => void): () => void;
  pollIntervalMs: number;
}

/**
 * Catch-up then live over the events table: reads pages until the end of the log, then sleeps
 * until an in-process append signal, the poll timer (appends by other processes) or close().
 * One iteration per subscription; leaving the `for await` loop closes it.
 */
export class SqliteAllSubscription implements AllSubscription {
  private closed = false;
  /** Bumped by every append signal; compared across a read to avoid sleeping through an append. */
  private appendSignals = 0;
  private wake: (() => void) | null = null;
  private readonly stopListening: () => void;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly after: bigint | null,
    private readonly onClosed: (subscription: SqliteAllSubscription) => void,
  ) {
    this.stopListening = source.listen(() => {
      this.appendSignals++;
      this.wake?.();
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.events();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopListening();
    this.wake?.();
    this.onClosed(this);
  }

  private async *events(): AsyncGenerator<RecordedEvent> {
    let cursor = this.after;
    try {
      while (!this.closed) {
        const signalsBeforeRead = this.appendSignals;
        const page = this.source.readPage(cursor);
        for (const event of page.events) {
          yield event;
          if (this.closed) return;
          cursor = event.position;
        }
        if (page.isEnd && this.appendSignals === signalsBeforeRead) await this.untilAppendOrPoll();
      }
    } finally {
      await this.close();
    }
  }

  private untilAppendOrPoll(): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, this.source.pollIntervalMs);
      // A waiting subscription alone must not keep the process alive.
      timer.unref();
      this.wake = done;
      if (this.closed) done();
    });
  }
}
