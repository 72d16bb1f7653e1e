/**
 * Translations between the port's vocabulary and @eventstore/db-client's, kept apart from the I/O
 * so they can be tested without a server.
 */
import {
  ANY,
  AppendExpectedRevision,
  CurrentRevision,
  EventData,
  jsonEvent,
  JSONType,
  NO_STREAM,
  RecordedEvent as EsdbRecordedEvent,
  STREAM_EXISTS,
} from '@eventstore/db-client';
import type { SealedEvent } from '../chain';
import type { EventMetadata, ExpectedRevision, JsonObject, RecordedEvent } from '../port';

/** An event in a user stream that channel-ledger cannot read (not JSON, or without our metadata). */
export class MalformedStoredEventError extends Error {
  override readonly name = 'MalformedStoredEventError';
}

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'no-stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  return expected;
}

/** STREAM_EXISTS has no counterpart in the port; we never send it, so meeting it is a bug. */
export function fromEsdbExpectedRevision(expected: AppendExpectedRevision): ExpectedRevision {
  if (expected === NO_STREAM) return 'no-stream';
  if (expected === ANY) return 'any';
  if (expected === STREAM_EXISTS) throw new Error(`EventStoreDB expected revision ${STREAM_EXISTS} has no port equivalent`);
  return expected;
}

/** The stream's actual revision as the port reports it: null when the stream does not exist. */
export function fromEsdbCurrentRevision(current: CurrentRevision): bigint | null {
  return current === NO_STREAM ? null : current;
}

/** System events ($-prefixed types, e.g. $metadata, $>) and system streams are not the ledger's. */
export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/** Our event id is the ESDB event id, so ESDB's own duplicate detection works on retries too. */
export function toEsdbEventData(event: SealedEvent): EventData {
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    data: event.data,
    // EventMetadata is an interface (no index signature), hence the cast; it holds JSON only.
    metadata: event.metadata as unknown as JSONType,
  });
}

/**
 * `position` is the event's commit position in the transaction log. ESDB assigns each event of an
 * append its own log record, and for these implicitly committed writes the commit position equals
 * the event's prepare position, so it is unique per event and increases along $all.
 */
export function fromEsdbRecordedEvent(event: EsdbRecordedEvent, position: bigint): RecordedEvent {
  const where = `event ${event.id} in ${event.streamId}@${event.revision}`;
  if (!event.isJson) throw new MalformedStoredEventError(`${where} is not JSON`);
  const data = event.data as unknown;
  if (!isPlainObject(data)) throw new MalformedStoredEventError(`${where}: data is not a JSON object`);
  const metadata = event.metadata as unknown;
  if (!isPlainObject(metadata) || typeof metadata.hash !== 'string' || typeof metadata.recordedAt !== 'string') {
    throw new MalformedStoredEventError(`${where}: metadata lacks the ledger's recordedAt/hash`);
  }
  return {
    streamId: event.streamId,
    revision: event.revision,
    position,
    eventId: event.id,
    type: event.type,
    data: data as JsonObject,
    metadata: metadata as unknown as EventMetadata,
  };
}

/** ESDB reports "no position" as the largest unsigned 64-bit value (or leaves it out). */
const NO_POSITION = 2n ** 64n - 1n;

export function commitPositionOf(event: EsdbRecordedEvent): bigint {
  const commit = event.position?.commit;
  if (commit === undefined || commit === NO_POSITION || commit < 0n) {
    throw new MalformedStoredEventError(
      `EventStoreDB reported no log position for event ${event.id} in ${event.streamId} (server 22.6 or later is required)`,
    );
  }
  return commit;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
