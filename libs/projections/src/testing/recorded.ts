import type { EventMetadata, JsonObject, RecordedEvent } from '@channel-ledger/event-store';

/** Any domain event: `{ type, data }` (the domain's DomainEvent<T, D> fits). */
export interface EventLike {
  readonly type: string;
  readonly data: unknown;
}

const FAKE_HASH = '0'.repeat(64);

/**
 * A RecordedEvent as a store would hand it to a projection, for projection tests that do not need
 * a real event store. Ids and hashes are deterministic placeholders (projections never read
 * them); `occurredAt`/`recordedAt` default to a fixed instant, pass `metadata` to set them.
 */
export function recorded(
  streamId: string,
  revision: number | bigint,
  position: number | bigint,
  event: EventLike,
  metadata: Partial<EventMetadata> = {},
): RecordedEvent {
  const eventId = metadata.eventId ?? `${streamId}@${revision}`;
  const commandId = metadata.commandId ?? `command-${eventId}`;
  const occurredAt = metadata.occurredAt ?? '2026-01-01T00:00:00.000Z';
  return {
    streamId,
    revision: BigInt(revision),
    position: BigInt(position),
    eventId,
    type: event.type,
    // Domain event data are readonly interfaces of JSON values; the store holds them as JSON.
    data: JSON.parse(JSON.stringify(event.data)) as JsonObject,
    metadata: {
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: { kind: 'system', id: 'test' },
      onBehalfOf: null,
      schemaVersion: 1,
      previousHash: BigInt(revision) === 0n ? null : FAKE_HASH,
      hash: FAKE_HASH,
      recordedAt: occurredAt,
      ...metadata,
      eventId,
      occurredAt,
    },
  };
}

/**
 * A growing log: numbers revisions per stream and positions globally, so a test lists events in
 * order without counting by hand. `log.append('organization-o1', event)` returns the recorded event.
 */
export class RecordedLog {
  readonly events: RecordedEvent[] = [];
  private readonly revisions = new Map<string, number>();

  append(streamId: string, event: EventLike, metadata: Partial<EventMetadata> = {}): RecordedEvent {
    const revision = this.revisions.get(streamId) ?? 0;
    this.revisions.set(streamId, revision + 1);
    const event_ = recorded(streamId, revision, this.events.length + 1, event, metadata);
    this.events.push(event_);
    return event_;
  }
}
