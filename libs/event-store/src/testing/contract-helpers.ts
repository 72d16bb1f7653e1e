import { randomUUID } from 'node:crypto';
import { eventIdFor } from '../event-id';
import type { EventMetadataInput, EventStore, JsonObject, NewEvent, RecordedEvent } from '../port';

/** A stream id no other test (or earlier run against a shared server) uses. */
export function freshStream(category = 'contract'): string {
  return `${category}-${randomUUID()}`;
}

export function metadataFor(commandId: string): EventMetadataInput {
  return {
    commandId,
    correlationId: `correlation-${commandId}`,
    causationId: commandId,
    actor: { kind: 'reseller', id: 'reseller-1' },
    onBehalfOf: { kind: 'customer', id: 'customer-9' },
    occurredAt: '2024-03-01T10:00:00.000Z',
    schemaVersion: 1,
  };
}

/** The events one command produces, with deterministic ids as the command pipeline makes them. */
export function commandEvents(...events: Array<{ type: string; data: JsonObject }>): NewEvent[] {
  const commandId = randomUUID();
  return events.map((event, index) => ({ eventId: eventIdFor(commandId, index), ...event, metadata: metadataFor(commandId) }));
}

export function oneEvent(type = 'SeatsPurchased', data: JsonObject = { seats: 3 }): NewEvent[] {
  return commandEvents({ type, data });
}

/** A clock the test moves by hand, so recordedAt bounds are exact without waiting. */
export class ManualClock {
  constructor(private current: Date) {}
  now = (): Date => new Date(this.current.getTime());
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

/** Events of the given streams only: a shared server may hold other tests' events. */
export function ofStreams(events: readonly RecordedEvent[], ...streamIds: string[]): RecordedEvent[] {
  return events.filter((event) => streamIds.includes(event.streamId));
}

/** Reads every page after `after`, returning the pages so paging itself can be checked. */
export async function readAllPages(store: EventStore, after: bigint | null, limit: number) {
  const pages = [];
  let cursor = after;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = await store.readAll({ after: cursor, limit });
    pages.push({ after: cursor, ...page });
    if (page.isEnd) return pages;
    cursor = page.lastPosition;
  }
  throw new Error('readAll never reported isEnd');
}

/** Awaits a promise but fails with a clear message instead of hanging the suite. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Pulls the next `count` events of `streamIds` from a subscription, skipping others' events. */
export async function takeFrom(
  iterator: AsyncIterator<RecordedEvent>,
  count: number,
  streamIds: string[],
  ms = 5000,
): Promise<RecordedEvent[]> {
  const taken: RecordedEvent[] = [];
  while (taken.length < count) {
    const next = await within(iterator.next(), ms, `event ${taken.length + 1} of ${count} from the subscription`);
    if (next.done) throw new Error(`subscription ended after ${taken.length} of ${count} events`);
    if (streamIds.includes(next.value.streamId)) taken.push(next.value);
  }
  return taken;
}
