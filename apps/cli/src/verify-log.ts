import { EventStore, RecordedEvent, verifyStreamChain } from '@channel-ledger/event-store';

export interface LogVerification {
  eventsChecked: number;
  streamsChecked: number;
  broken: { streamId: string; revision: string; reason: string }[];
}

/**
 * Walks the whole log once, checking every stream's hash chain as its events go by. Only the
 * last link of each stream is kept, so memory grows with the number of streams, not events.
 */
export async function verifyLog(store: EventStore, pageSize = 1000): Promise<LogVerification> {
  const lastOf = new Map<string, RecordedEvent>();
  const brokenStreams = new Map<string, { revision: string; reason: string }>();
  let eventsChecked = 0;
  let after: bigint | null = null;
  for (;;) {
    const page = await store.readAll({ after, limit: pageSize });
    for (const event of page.events) {
      eventsChecked++;
      if (brokenStreams.has(event.streamId)) continue;
      const previous = lastOf.get(event.streamId);
      const result = verifyStreamChain(previous ? [previous, event] : [event]);
      if (!result.ok) {
        brokenStreams.set(event.streamId, { revision: result.revision.toString(), reason: result.reason });
      } else if (!previous && event.revision !== 0n) {
        brokenStreams.set(event.streamId, { revision: event.revision.toString(), reason: 'the stream does not start at revision 0' });
      }
      lastOf.set(event.streamId, event);
    }
    if (page.isEnd || page.lastPosition === null) break;
    after = page.lastPosition;
  }
  return {
    eventsChecked,
    streamsChecked: lastOf.size,
    broken: [...brokenStreams].map(([streamId, b]) => ({ streamId, ...b })),
  };
}

