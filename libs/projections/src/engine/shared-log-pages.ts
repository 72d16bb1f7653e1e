import type { EventStore, ReadAllPage } from '@channel-ledger/event-store';

/** Full pages kept for the workers behind; 8 × 500 events is a few megabytes. */
const KEPT_PAGES = 8;

/**
 * The pages of the log the runner's workers read while catching up, each read and parsed once for
 * all of them: projections started together (a first start, a rebuild of all) ask for the same
 * pages in turn. Only full pages are kept, and a full page of the log never changes: positions
 * are final and nothing is inserted before the head. The events are shared between projections,
 * which is why a projection must not modify the events it is given.
 */
export class SharedLogPages {
  private readonly pages = new Map<string, Promise<ReadAllPage>>();

  constructor(private readonly eventStore: EventStore) {}

  /** Forgets every kept page: the next reads go to the store. */
  clear(): void {
    this.pages.clear();
  }

  read(after: bigint | null, limit: number): Promise<ReadAllPage> {
    const key = `${after ?? '-'}/${limit}`;
    const kept = this.pages.get(key);
    if (kept) return kept;
    const page = this.eventStore.readAll({ after, limit });
    this.pages.set(key, page);
    page.then(
      (read) => {
        if (read.isEnd || read.events.length < limit) this.pages.delete(key);
      },
      () => this.pages.delete(key),
    );
    if (this.pages.size > KEPT_PAGES) this.pages.delete(this.pages.keys().next().value!);
    return page;
  }
}
