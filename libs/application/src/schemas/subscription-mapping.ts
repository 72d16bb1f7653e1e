import { AllSubscription, RecordedEvent } from '@channel-ledger/event-store';

/** A subscription whose events pass through `map` (in order, one at a time). */
export function mapSubscription(
  inner: AllSubscription,
  map: (event: RecordedEvent) => RecordedEvent | Promise<RecordedEvent>,
): AllSubscription {
  return {
    close: () => inner.close(),
    async *[Symbol.asyncIterator]() {
      for await (const event of inner) yield await map(event);
    },
  };
}
