/**
 * The EventStore port. Every adapter (SQLite embedded default, EventStoreDB) implements it
 * and passes the same contract suite (testing/event-store.contract.ts).
 *
 * Revisions are per stream, 0-based. Global positions order the whole log; they are bigint so
 * they never lose precision (JSON carries them as decimal strings).
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** People and machines that act, plus the parties (organization, vendor) others act on behalf of. */
export type ActorKind =
  | 'reseller'
  | 'customer'
  | 'vendor-admin'
  | 'support'
  | 'auditor'
  | 'operator'
  | 'machine'
  | 'system'
  | 'anonymous'
  | 'organization'
  | 'vendor';
export interface Actor {
  kind: ActorKind;
  id: string;
}

/** What the writer supplies; the store adds recordedAt and the hash chain. */
export interface EventMetadataInput {
  commandId: string;
  correlationId: string;
  causationId: string;
  actor: Actor;
  onBehalfOf: Actor | null;
  /** Business time, ISO-8601 UTC. */
  occurredAt: string;
  schemaVersion: number;
}

export interface EventMetadata extends EventMetadataInput {
  eventId: string;
  /** When the store accepted the event, ISO-8601 UTC. */
  recordedAt: string;
  /** SHA-256 (hex) of the previous event of the same stream; null for revision 0. */
  previousHash: string | null;
  /** SHA-256 (hex) over the canonical serialization of this event (see chain.ts). */
  hash: string;
}

export interface NewEvent {
  /** Deterministic (derived from the command id) so a retried command appends nothing new. */
  eventId: string;
  type: string;
  data: JsonObject;
  metadata: EventMetadataInput;
}

export interface RecordedEvent {
  streamId: string;
  revision: bigint;
  position: bigint;
  eventId: string;
  type: string;
  data: JsonObject;
  metadata: EventMetadata;
}

/** `no-stream`: the stream must not exist; `any`: no check; bigint: the stream's last revision must be exactly this. */
export type ExpectedRevision = 'no-stream' | 'any' | bigint;

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextExpectedRevision: bigint;
  /** Global position of the last appended event. */
  position: bigint;
  /**
   * What the store stamped on each event of this append, in order (optional: an adapter or a
   * decorator that does not give it leaves the caller to read the events back). Absent on a
   * retry answered from the log. The command pipeline builds the recorded events from these and
   * the events it sent, so it need not read the stream back after appending.
   */
  recorded?: RecordedStamp[];
}

/** The store's part of a recorded event: everything the writer did not supply. */
export interface RecordedStamp {
  eventId: string;
  revision: bigint;
  position: bigint;
  recordedAt: string;
  previousHash: string | null;
  hash: string;
}

export interface ReadStreamOptions {
  /** Inclusive lower bound on revision (default 0): the tail after a snapshot. */
  fromRevision?: bigint;
  /**
   * Only the events appended by this command (metadata.commandId), in revision order: how a
   * retried command finds its first attempt. The SQLite store answers it from an index on
   * (stream, command id); other adapters may filter while reading.
   */
  commandId?: string;
  /** Inclusive upper bound on revision. */
  toRevision?: bigint;
  /** Inclusive upper bound on recordedAt (ISO-8601): the stream as the store knew it then. */
  recordedUpTo?: string;
}

export interface ReadAllPage {
  events: RecordedEvent[];
  /** Pass as `after` to read the next page. Equal to the input when the page is empty. */
  lastPosition: bigint | null;
  isEnd: boolean;
}

export interface ReadAllOptions {
  /** Exclusive: read events strictly after this position; omit/null to start at the beginning. */
  after?: bigint | null;
  /** Page size (default 500). */
  limit?: number;
}

export interface SubscribeOptions {
  /** Exclusive start position; omit/null for the beginning of the log. */
  after?: bigint | null;
}

/**
 * Catch-up then live: yields every event after `after` in global order, then each new one
 * as it is appended, until closed. Iterate with `for await`.
 */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Empty array when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<ReadAllPage>;
  /** Position of the last event in the log, or null when empty (used for lag). */
  headPosition(): Promise<bigint | null>;
  subscribeToAll(options?: SubscribeOptions): AllSubscription;
  close(): Promise<void>;
}

export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** null when the stream does not exist. */
    readonly actual: bigint | null,
  ) {
    super(
      `stream ${streamId}: expected revision ${String(expected)} but the stream is at ${actual === null ? 'no-stream' : actual.toString()}`,
    );
  }
}

/** The same event id was appended before with different content, or to another stream. */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(
    readonly eventId: string,
    detail: string,
  ) {
    super(`event ${eventId}: ${detail}`);
  }
}

/**
 * The call itself is malformed (empty stream id, no events, a negative revision, two events with
 * the same id, ...): nothing was written and retrying the same call cannot succeed.
 */
export class InvalidEventStoreInputError extends Error {
  override readonly name = 'InvalidEventStoreInputError';
}

/**
 * The append is larger than one append may be (validation.ts MAX_APPEND_BYTES on every adapter;
 * EventStoreDB's MaxAppendSize, 1 MiB by default, on the server): nothing was written, and the
 * same append will always fail. Split the command's events, or keep bulky content out of events.
 */
export class AppendTooLargeError extends Error {
  override readonly name = 'AppendTooLargeError';
  constructor(
    readonly streamId: string,
    /** Bytes of event data and metadata, as counted by the port; null when the server refused it. */
    readonly bytes: number | null,
    readonly limit: number,
  ) {
    super(
      `stream ${streamId}: the append is ${bytes === null ? 'over' : `${bytes} bytes of event data and metadata, over`} the ${limit}-byte ` +
        'limit of one append; nothing was written. Split the events over several appends or keep large content out of events.',
    );
  }
}

/**
 * A live subscription stopped for good because retrying cannot help (access denied, an event the
 * ledger cannot read, a server that keeps refusing): iterating it throws this, naming why, and a
 * projection following it shows the reason in its status.
 */
export class SubscriptionStoppedError extends Error {
  override readonly name = 'SubscriptionStoppedError';
  constructor(
    readonly reason: string,
    override readonly cause?: unknown,
  ) {
    super(`the event store subscription stopped: ${reason}`);
  }
}
