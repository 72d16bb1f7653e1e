/**
 * The hash chain every adapter writes and every auditor can check: each event's hash covers its
 * own content and the hash of the previous event of its stream, so altering, removing or
 * reordering a stored event breaks every later link. All adapters seal through `sealEvents`, so
 * a stream hashes the same in SQLite and in EventStoreDB.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, canonicalJsonAt, CanonicalJsonError } from './canonical-json';
import type { EventMetadata, JsonObject, NewEvent, RecordedEvent } from './port';
import { storedFormOf } from './stored-form';

export { canonicalJson, CanonicalJsonError } from './canonical-json';

/** The end of a stream's chain, which the next appended event links to. */
export interface ChainLink {
  revision: bigint;
  hash: string;
}

/** A sealed event: everything but the global position, which only the store can assign. */
export type SealedEvent = Omit<RecordedEvent, 'position'>;

export type ChainVerification = { ok: true } | { ok: false; revision: bigint; reason: string };

/**
 * Gives `events` their revisions (after `previous`, or from 0 for a new stream), eventId,
 * recordedAt, previousHash and hash. Throws CanonicalJsonError before anything is written when an
 * event holds a value JSON cannot carry faithfully.
 */
export function sealEvents(streamId: string, previous: ChainLink | null, events: readonly NewEvent[], recordedAt: string): SealedEvent[] {
  return sealForStorage(streamId, previous, events, recordedAt).map((event) => ({
    streamId,
    revision: event.revision,
    eventId: event.eventId,
    type: event.type,
    // Parsed back from the canonical text: a detached copy, so a caller mutating its input
    // afterwards cannot change what was sealed.
    data: JSON.parse(event.canonicalData) as JsonObject,
    metadata: { ...(JSON.parse(event.canonicalMetadata) as Omit<EventMetadata, 'hash'>), hash: event.hash },
  }));
}

/** A sealed event as a store writes it: data and metadata (without the hash) in canonical JSON. */
export interface StorableEvent {
  revision: bigint;
  eventId: string;
  type: string;
  canonicalData: string;
  /** Canonical JSON of the metadata without `hash` (eventId, recordedAt and previousHash included). */
  canonicalMetadata: string;
  previousHash: string | null;
  hash: string;
}

/**
 * sealEvents without the copies: each event's data and metadata are serialized canonically once,
 * and the hashed text is composed from those two strings (the keys of the hashed object in their
 * sorted order), so what is hashed and what is stored are the same bytes.
 */
export function sealForStorage(
  streamId: string,
  previous: ChainLink | null,
  events: readonly NewEvent[],
  recordedAt: string,
): StorableEvent[] {
  const sealed: StorableEvent[] = [];
  let link = previous;
  const streamJson = canonicalJsonAt(streamId, '$.streamId');
  for (const event of events) {
    const revision = link === null ? 0n : link.revision + 1n;
    const previousHash = link === null ? null : link.hash;
    // Spread first so callers cannot smuggle in their own eventId/recordedAt/previousHash/hash.
    const { hash: _ignored, ...unsealed } = {
      ...(event.metadata as EventMetadata),
      eventId: event.eventId,
      recordedAt,
      previousHash,
    };
    const canonicalData = canonicalJsonAt(event.data, '$.data');
    const canonicalMetadata = canonicalJsonAt(unsealed, '$.metadata');
    const hashed =
      `{"data":${canonicalData},"eventId":${canonicalJsonAt(event.eventId, '$.eventId')},"metadata":${canonicalMetadata},` +
      `"revision":"${revision.toString()}","streamId":${streamJson},"type":${canonicalJsonAt(event.type, '$.type')}}`;
    const hash = createHash('sha256').update(hashed, 'utf8').digest('hex');
    sealed.push({ revision, eventId: event.eventId, type: event.type, canonicalData, canonicalMetadata, previousHash, hash });
    link = { revision, hash };
  }
  return sealed;
}

/**
 * Recomputes each event's hash and checks each previousHash link. `events` is a stream read in
 * revision order (usually from revision 0; a later start trusts the first event's previousHash).
 */
export function verifyStreamChain(events: readonly RecordedEvent[]): ChainVerification {
  let previous: RecordedEvent | null = null;
  // Always the stored bytes: an upcast or decrypted event is verified as it was written.
  for (const event of events.map(storedFormOf)) {
    const broken = (reason: string): ChainVerification => ({ ok: false, revision: event.revision, reason });
    if (previous !== null) {
      if (event.streamId !== previous.streamId) return broken(`event belongs to stream ${event.streamId}, not ${previous.streamId}`);
      if (event.revision !== previous.revision + 1n) return broken(`revision follows ${previous.revision} with a gap`);
      if (event.metadata.previousHash !== previous.metadata.hash)
        return broken('previousHash does not match the hash of the previous event');
    } else if (event.revision === 0n && event.metadata.previousHash !== null) {
      return broken('the first event of a stream must have previousHash null');
    }
    if (event.metadata.eventId !== event.eventId) return broken('metadata.eventId differs from the event id');
    let recomputed: string;
    try {
      const { hash: _stored, ...unsealed } = event.metadata;
      recomputed = hashEvent(event, unsealed);
    } catch (error) {
      if (error instanceof CanonicalJsonError) return broken(`content cannot be serialized canonically: ${error.message}`);
      throw error;
    }
    if (recomputed !== event.metadata.hash) return broken('hash does not match the content: the event was altered');
    previous = event;
  }
  return { ok: true };
}

/**
 * Checks one event against the link before it (null: the event must open its stream): the
 * revision follows, previousHash points at that link, and the event's own hash matches its
 * content. What a streaming verifier needs, holding only the last link of each stream.
 */
export function verifyLink(previous: ChainLink | null, read: RecordedEvent): ChainVerification {
  const event = storedFormOf(read);
  const broken = (reason: string): ChainVerification => ({ ok: false, revision: event.revision, reason });
  if (previous === null) {
    if (event.revision !== 0n)
      return broken(`the stream starts at revision ${event.revision}: revisions 0 to ${event.revision - 1n} are missing`);
  } else {
    if (event.revision <= previous.revision)
      return broken(`revision ${event.revision} comes after revision ${previous.revision}: events are out of order`);
    if (event.revision !== previous.revision + 1n) return broken(`revision follows ${previous.revision} with a gap`);
    if (event.metadata.previousHash !== previous.hash) return broken('previousHash does not match the hash of the previous event');
  }
  return verifyStreamChain([event]);
}

/** The link an event leaves for the next one of its stream. */
export function linkOf(event: Pick<RecordedEvent, 'revision' | 'metadata'>): ChainLink {
  return { revision: event.revision, hash: event.metadata.hash };
}

function hashEvent(
  event: { streamId: string; revision: bigint; eventId: string; type: string; data: JsonObject },
  metadataWithoutHash: Omit<EventMetadata, 'hash'>,
): string {
  const canonical = canonicalJson({
    streamId: event.streamId,
    // Canonical JSON has no bigint; a decimal string keeps revisions past 2^53 exact.
    revision: event.revision.toString(),
    eventId: event.eventId,
    type: event.type,
    data: event.data,
    metadata: metadataWithoutHash,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
