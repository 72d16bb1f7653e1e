import { verifyStreamChain } from '../chain';
import type { RecordedEvent } from '../port';
import type { SignedCheckpoint } from './checkpoint';
import type { StreamHead } from './stream-head';

/** What kind of damage a finding is; stable, for machines (the reason is for people). */
export type FindingKind =
  | 'altered' // an event's content no longer matches its hash
  | 'relinked' // an event does not point at the hash of the event before it
  | 'missing-events' // revisions are missing inside a stream (deleted events)
  | 'out-of-order' // events are not in log / revision order (swapped, moved)
  | 'rewritten' // the event at a sealed revision has another hash than the checkpoint sealed
  | 'truncated' // a stream ends before the revision the checkpoint sealed
  | 'stream-deleted' // a stream the checkpoint sealed is not there at all
  | 'tail-cut' // the log ends before the position the checkpoint sealed
  | 'event-count' // a different number of events up to the sealed position
  | 'checkpoint' // the checkpoint itself does not verify
  | 'amount'; // a stored amount differs from its recomputation

export interface Finding {
  kind: FindingKind;
  streamId: string | null;
  revision: string | null;
  eventId: string | null;
  position: string | null;
  reason: string;
}

export interface ExpectedHeads {
  checkpoint: SignedCheckpoint;
  /** The checkpoint's heads (already checked against its streamsRoot by the caller). */
  heads: ReadonlyMap<string, StreamHead>;
}

export interface LogVerifierOptions {
  /** The last checkpoint (or the one the auditor kept): streams must reach the heads it sealed. */
  expected?: ExpectedHeads | null;
  /** Only these streams are in the material verified (an export of one stream or one tenant). */
  includesStream?: (streamId: string) => boolean;
  /** The material starts after this position (an export of a date range): streams may start mid-chain. */
  after?: bigint | null;
  /** Streams may start mid-chain (default: when `after` is given). */
  startsMidStream?: boolean;
  /** The material ends at this position (default: wherever it ends). */
  through?: bigint | null;
  /** More checks per event, e.g. recomputing amounts (libs/application). */
  checks?: readonly ((event: RecordedEvent) => Finding[])[];
  /** Findings kept in full; the rest are counted (default 1000). */
  maxFindings?: number;
}

export interface LogVerification {
  eventsChecked: number;
  streamsChecked: number;
  lastPosition: string | null;
  checkpoint: { sequence: number; digest: string; headPosition: string | null } | null;
  findings: Finding[];
  /** Findings beyond maxFindings, not listed. */
  moreFindings: number;
  ok: boolean;
}

interface Tail {
  revision: bigint;
  hash: string;
}

/**
 * Checks a log as it streams by, event by event, in log order: every stream's hash chain, the
 * log order itself, and (given a checkpoint) that every sealed stream still reaches the revision
 * and hash it was sealed at and that the log still reaches the sealed position. It keeps one link
 * per stream, never the events, so memory follows the number of streams, not the length of the
 * history. Used on the store (`verify`) and on an export file (`verify --file`), offline.
 */
export class LogVerifier {
  private readonly tails = new Map<string, Tail>();
  private readonly pending = new Map<string, StreamHead>();
  private readonly findings: Finding[] = [];
  private moreFindings = 0;
  private events = 0;
  private eventsUpToSeal = 0n;
  private lastPosition: bigint | null = null;
  private readonly maxFindings: number;

  private readonly options: LogVerifierOptions;

  constructor(options: LogVerifierOptions = {}) {
    this.options = { ...options };
    this.maxFindings = options.maxFindings ?? 1000;
    const expected = options.expected;
    if (expected) {
      for (const [streamId, head] of expected.heads) {
        if (this.inScope(streamId)) this.pending.set(streamId, head);
      }
    }
  }

  accept(event: RecordedEvent): void {
    this.events++;
    const at = {
      streamId: event.streamId,
      revision: event.revision.toString(),
      eventId: event.eventId,
      position: event.position.toString(),
    };
    const sealedPosition = this.sealedPosition();
    if (sealedPosition !== null && event.position <= sealedPosition) this.eventsUpToSeal++;

    const outOfLogOrder = this.lastPosition !== null && event.position <= this.lastPosition;
    if (outOfLogOrder) {
      this.report({
        kind: 'out-of-order',
        ...at,
        reason: `position ${event.position} comes after position ${this.lastPosition}: events were moved or swapped`,
      });
    } else {
      this.lastPosition = event.position;
    }

    const tail = this.tails.get(event.streamId);
    if (!tail) {
      if (event.revision !== 0n && !this.startsMidStream()) {
        this.report({
          kind: 'missing-events',
          ...at,
          reason: `the stream starts at revision ${event.revision}: revisions 0 to ${event.revision - 1n} were deleted`,
        });
      }
    } else if (event.revision <= tail.revision) {
      if (!outOfLogOrder)
        this.report({
          kind: 'out-of-order',
          ...at,
          reason: `revision ${event.revision} comes after revision ${tail.revision} of its stream`,
        });
    } else if (event.revision !== tail.revision + 1n) {
      const missing = event.revision - tail.revision - 1n;
      const range = missing === 1n ? `revision ${tail.revision + 1n} is` : `revisions ${tail.revision + 1n} to ${event.revision - 1n} are`;
      this.report({ kind: 'missing-events', ...at, reason: `${range} missing before this event (deleted)` });
    } else if (event.metadata.previousHash !== tail.hash) {
      this.report({ kind: 'relinked', ...at, reason: 'previousHash does not match the hash of the event before it' });
    }
    const own = verifyStreamChain([event]);
    if (!own.ok) this.report({ kind: 'altered', ...at, reason: `${own.reason} (its content no longer matches its hash)` });

    const sealed = this.pending.get(event.streamId);
    if (sealed && sealed.revision === event.revision) {
      this.pending.delete(event.streamId);
      if (sealed.hash !== event.metadata.hash) {
        this.report({
          kind: 'rewritten',
          ...at,
          reason: `checkpoint #${this.options.expected!.checkpoint.sequence} sealed this revision with hash ${sealed.hash.slice(0, 16)}…, the log has ${event.metadata.hash.slice(0, 16)}…: the stream was rewritten after it was sealed`,
        });
      }
    }
    if (!tail || event.revision > tail.revision) this.tails.set(event.streamId, { revision: event.revision, hash: event.metadata.hash });
    for (const check of this.options.checks ?? []) for (const finding of check(event)) this.report(finding);
  }

  /** `range`: the slice of the log the material covers, when only known at its end (an export's footer). */
  finish(range?: { after: bigint | null; through: bigint | null }): LogVerification {
    if (range) Object.assign(this.options, range);
    const expected = this.options.expected;
    const sequence = expected?.checkpoint.sequence;
    for (const [streamId, head] of this.pending) {
      if (!this.inRange(head.position)) continue;
      const tail = this.tails.get(streamId);
      const at = { streamId, revision: head.revision.toString(), eventId: head.eventId, position: head.position.toString() };
      if (!tail) {
        this.report({
          kind: 'stream-deleted',
          ...at,
          reason: `checkpoint #${sequence} sealed this stream at revision ${head.revision}; it is not in the log (deleted)`,
        });
      } else {
        const from = tail.revision + 1n;
        const range =
          from === head.revision
            ? `revision ${head.revision} (event ${head.eventId}) was`
            : `revisions ${from} to ${head.revision} (the last one event ${head.eventId}) were`;
        this.report({
          kind: 'truncated',
          ...at,
          reason: `checkpoint #${sequence} sealed this stream at revision ${head.revision}; the log ends at ${tail.revision}: ${range} deleted`,
        });
      }
    }
    if (expected && this.coversWholeLog()) {
      const sealedPosition = this.sealedPosition();
      if (sealedPosition !== null && (this.lastPosition === null || this.lastPosition < sealedPosition)) {
        this.report({
          kind: 'tail-cut',
          streamId: null,
          revision: null,
          eventId: null,
          position: sealedPosition.toString(),
          reason: `checkpoint #${sequence} sealed the log up to position ${sealedPosition}; it ends at ${this.lastPosition ?? 'nothing'}: its tail was cut`,
        });
      }
      if (this.eventsUpToSeal !== BigInt(expected.checkpoint.eventCount)) {
        this.report({
          kind: 'event-count',
          streamId: null,
          revision: null,
          eventId: null,
          position: sealedPosition?.toString() ?? null,
          reason: `checkpoint #${sequence} sealed ${expected.checkpoint.eventCount} events up to position ${sealedPosition}; the log has ${this.eventsUpToSeal}`,
        });
      }
    }
    return {
      eventsChecked: this.events,
      streamsChecked: this.tails.size,
      lastPosition: this.lastPosition?.toString() ?? null,
      checkpoint: expected
        ? { sequence: expected.checkpoint.sequence, digest: expected.checkpoint.digest, headPosition: expected.checkpoint.headPosition }
        : null,
      findings: this.findings,
      moreFindings: this.moreFindings,
      ok: this.findings.length === 0,
    };
  }

  /** A finding from outside the stream walk (e.g. the checkpoint's own signature). */
  report(finding: Finding): void {
    if (this.findings.length < this.maxFindings) this.findings.push(finding);
    else this.moreFindings++;
  }

  private sealedPosition(): bigint | null {
    const position = this.options.expected?.checkpoint.headPosition;
    return position == null ? null : BigInt(position);
  }

  private inScope(streamId: string): boolean {
    return this.options.includesStream?.(streamId) ?? true;
  }

  private inRange(position: bigint): boolean {
    const { after, through } = this.options;
    return (after == null || position > after) && (through == null || position <= through);
  }

  private startsMidStream(): boolean {
    return this.options.startsMidStream ?? this.options.after != null;
  }

  private coversWholeLog(): boolean {
    return !this.options.includesStream && this.options.after == null && this.options.through == null;
  }
}
