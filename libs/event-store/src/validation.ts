/**
 * Input checks shared by every adapter, so a malformed call fails the same way (and before any
 * I/O) whichever store is behind the port.
 */
import { canonicalJson } from './canonical-json';
import { AppendTooLargeError, ExpectedRevision, InvalidEventStoreInputError, NewEvent, ReadAllOptions, ReadStreamOptions } from './port';

export const DEFAULT_PAGE_SIZE = 500;

/**
 * The largest append, in bytes of event data and metadata: EventStoreDB's default MaxAppendSize
 * (1 MiB), enforced by every adapter so an append the embedded store takes is not refused once
 * the same ledger runs on EventStoreDB.
 */
export const MAX_APPEND_BYTES = 1024 * 1024;
/**
 * What sealing adds to each event's metadata before it is stored (eventId, recordedAt,
 * previousHash, hash and their keys, about 250 bytes), counted up front so the sealed append
 * stays within the server's limit too.
 */
export const SEALED_METADATA_BYTES = 256;

export function assertStreamId(streamId: string): void {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new InvalidEventStoreInputError('stream id must be a non-empty string');
  if (streamId.trim() !== streamId) throw new InvalidEventStoreInputError(`stream id "${streamId}" has surrounding whitespace`);
  // `$` streams are EventStoreDB system streams; refusing them everywhere keeps adapters alike.
  if (streamId.startsWith('$'))
    throw new InvalidEventStoreInputError(`stream id "${streamId}" must not start with "$" (reserved for system streams)`);
}

export function assertExpectedRevision(expected: ExpectedRevision): void {
  if (expected === 'any' || expected === 'no-stream') return;
  if (typeof expected !== 'bigint' || expected < 0n) {
    throw new InvalidEventStoreInputError(`expected revision must be 'no-stream', 'any' or a bigint >= 0, got ${String(expected)}`);
  }
}

/** An empty append is refused: it would have no position to report and usually hides a bug. */
export function assertNewEvents(streamId: string, events: readonly NewEvent[]): void {
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidEventStoreInputError(`stream ${streamId}: append needs at least one event`);
  }
  const seen = new Set<string>();
  let bytes = 0;
  events.forEach((event, index) => {
    const where = `stream ${streamId}, event #${index}`;
    if (typeof event.eventId !== 'string' || event.eventId.length === 0)
      throw new InvalidEventStoreInputError(`${where}: eventId must be a non-empty string`);
    if (seen.has(event.eventId)) throw new InvalidEventStoreInputError(`${where}: event id ${event.eventId} appears twice in one append`);
    seen.add(event.eventId);
    if (typeof event.type !== 'string' || event.type.length === 0)
      throw new InvalidEventStoreInputError(`${where}: type must be a non-empty string`);
    if (event.type.startsWith('$'))
      throw new InvalidEventStoreInputError(`${where}: type "${event.type}" must not start with "$" (reserved for system events)`);
    if (event.data === null || typeof event.data !== 'object' || Array.isArray(event.data))
      throw new InvalidEventStoreInputError(`${where}: data must be a JSON object`);
    if (event.metadata === null || typeof event.metadata !== 'object')
      throw new InvalidEventStoreInputError(`${where}: metadata is required`);
    // Throws CanonicalJsonError naming the offending path (e.g. `$.amount` is undefined).
    bytes += Buffer.byteLength(canonicalJson(event.data), 'utf8');
    bytes += Buffer.byteLength(canonicalJson(event.metadata), 'utf8') + SEALED_METADATA_BYTES;
  });
  if (bytes > MAX_APPEND_BYTES) throw new AppendTooLargeError(streamId, bytes, MAX_APPEND_BYTES);
}

const LOWERCASE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Event ids a store keeps as UUIDs (EventStoreDB) must be lower-case UUIDs, as `eventIdFor` makes
 * them: the server hands ids back lower-cased, so an upper-case id would not be recognized on a
 * retry (the command would be appended twice) and its hash, computed over the id as given, would
 * no longer verify.
 */
export function assertLowercaseUuidEventIds(streamId: string, events: readonly NewEvent[]): void {
  events.forEach((event, index) => {
    if (!LOWERCASE_UUID.test(event.eventId)) {
      throw new InvalidEventStoreInputError(
        `stream ${streamId}, event #${index}: event id ${JSON.stringify(event.eventId)} must be a lower-case UUID (as eventIdFor makes them)`,
      );
    }
  });
}

export function assertReadStreamOptions(options: ReadStreamOptions): void {
  if (options.toRevision !== undefined && (typeof options.toRevision !== 'bigint' || options.toRevision < 0n)) {
    throw new InvalidEventStoreInputError(`toRevision must be a bigint >= 0, got ${String(options.toRevision)}`);
  }
  if (options.fromRevision !== undefined && (typeof options.fromRevision !== 'bigint' || options.fromRevision < 0n)) {
    throw new InvalidEventStoreInputError(`fromRevision must be a bigint >= 0, got ${String(options.fromRevision)}`);
  }
  if (options.commandId !== undefined && (typeof options.commandId !== 'string' || options.commandId === '')) {
    throw new InvalidEventStoreInputError(`commandId must be a non-empty string, got ${String(options.commandId)}`);
  }
  if (options.recordedUpTo !== undefined) normalizeInstant(options.recordedUpTo);
}

export function pageSize(options: ReadAllOptions): number {
  const limit = options.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new InvalidEventStoreInputError(`limit must be a positive integer, got ${limit}`);
  return limit;
}

export function assertPosition(after: bigint | null | undefined): void {
  if (after !== undefined && after !== null && (typeof after !== 'bigint' || after < 0n)) {
    throw new InvalidEventStoreInputError(`after must be a bigint >= 0 or null, got ${String(after)}`);
  }
}

/**
 * recordedAt values are written as `Date#toISOString()` (fixed width, UTC), so they compare as
 * strings; a caller's bound is brought to the same form first.
 */
export function normalizeInstant(instant: string): string {
  const millis = typeof instant === 'string' ? Date.parse(instant) : NaN;
  if (Number.isNaN(millis)) throw new InvalidEventStoreInputError(`"${String(instant)}" is not an ISO-8601 instant`);
  return new Date(millis).toISOString();
}

/** recordedAt never goes backwards along the log, so "as recorded up to T" is always a prefix. */
export function monotonicRecordedAt(now: Date, latestRecordedAt: string | null): string {
  const candidate = now.toISOString();
  return latestRecordedAt !== null && latestRecordedAt > candidate ? latestRecordedAt : candidate;
}
