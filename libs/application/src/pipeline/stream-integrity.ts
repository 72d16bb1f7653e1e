import { violation } from '@channel-ledger/domain';
import { ChainLink, linkOf, RecordedEvent, StreamHead, verifyLink } from '@channel-ledger/event-store';
import { RuleViolationError } from './errors';

export type IntegrityBreak = 'altered' | 'relinked' | 'missing-events' | 'rewritten' | 'truncated' | 'stream-deleted';

export interface BrokenStream {
  streamId: string;
  /** The first revision found wrong (or the sealed revision that is missing); null if the stream is gone. */
  revision: string | null;
  kind: IntegrityBreak;
  reason: string;
}

/** Where the last signed checkpoint says a stream's chain ended (a CheckpointStore is one). */
export interface SealedHeads {
  headOf(streamId: string): Promise<StreamHead | null>;
}

/** The stream's stored history fails its integrity check: nothing is appended to it. */
export class StreamIntegrityError extends RuleViolationError {
  constructor(readonly broken: BrokenStream) {
    super(
      violation(
        'stream-integrity-broken',
        `The stored history of ${broken.streamId} fails its integrity check${broken.revision === null ? '' : ` at revision ${broken.revision}`} (${broken.reason}); nothing was written. Operators have been alerted.`,
        { streamId: broken.streamId, revision: broken.revision, kind: broken.kind },
      ),
    );
  }
}

/** A stream read from a later revision than 0 (see ChainGuard.check). */
export interface PartialHistory {
  /** The revision `history` starts at (default 0). */
  from?: bigint;
  /** Reads one event of the stream (for a sealed head before `from`). */
  readRevision?(revision: bigint): Promise<RecordedEvent | undefined>;
  /**
   * The verified link the caller read from (lastVerified when it read; null: none). Checked
   * against instead of the link remembered now, which a concurrent command of this process may
   * have moved on while the stream was being read (an adapter whose reads take I/O time).
   */
  basis?: ChainLink | null;
}

export interface ChainGuardOptions {
  /** How many streams' last verified links are remembered (default 10 000). */
  maxRemembered?: number;
}

/**
 * Checks a stream's history before anything is decided on it. The first time a stream is read
 * its whole chain is verified; after that only what was appended since the last verified link
 * (the link itself must still be there, with the same hash). Once the last signed checkpoint is
 * known, the stream must also still reach the revision and hash it sealed, which catches what a
 * chain alone cannot: a stream re-hashed consistently, its last events deleted, or the whole
 * stream gone (an append would otherwise start it afresh).
 */
export class ChainGuard {
  private sealed: SealedHeads | null = null;
  private readonly verified = new Map<string, ChainLink>();
  private readonly broken = new Map<string, BrokenStream>();
  private readonly listeners = new Set<(broken: BrokenStream) => void>();
  private readonly maxRemembered: number;

  constructor(options: ChainGuardOptions = {}) {
    this.maxRemembered = options.maxRemembered ?? 10_000;
  }

  /** From now on streams are also compared with these sealed heads (null: chains only). */
  useSealedHeads(sealed: SealedHeads | null): void {
    this.sealed = sealed;
  }

  /** Called once per refusal (status, logs). Returns a function that stops listening. */
  onBroken(listener: (broken: BrokenStream) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Streams refused since start-up, as last found. */
  brokenStreams(): BrokenStream[] {
    return [...this.broken.values()];
  }

  /** The last link of `streamId` found intact (or appended by this process), if remembered. */
  lastVerified(streamId: string): ChainLink | undefined {
    return this.verified.get(streamId);
  }

  /**
   * Throws StreamIntegrityError when `history` is not intact. `history` is the stream read from
   * revision 0, or (once a link of it is remembered, see lastVerified) from `from`, which must be
   * at or before that link: the link must still be there with the same hash and what follows it
   * is verified. The sealed head is compared too; when it lies before `from`, `readRevision`
   * fetches that one event.
   */
  async check(streamId: string, history: readonly RecordedEvent[], options: PartialHistory = {}): Promise<void> {
    const from = options.from ?? 0n;
    const basis = options.basis !== undefined ? (options.basis ?? undefined) : this.verified.get(streamId);
    const found =
      this.chainBreak(streamId, history, from, basis) ?? (await this.sealedBreak(streamId, history, from, options.readRevision));
    if (found) {
      this.verified.delete(streamId);
      this.broken.set(streamId, found);
      for (const listener of this.listeners) listener(found);
      throw new StreamIntegrityError(found);
    }
    this.broken.delete(streamId);
    if (history.length > 0) this.remember(streamId, linkOf(history[history.length - 1]));
  }

  /**
   * After an append: the stream as read back becomes the verified point (only the new events are
   * hashed), so a later deletion of what was just appended is caught too. A break found here is
   * left for the next command on the stream to refuse; the append itself already happened.
   */
  noteAppended(streamId: string, history: readonly RecordedEvent[]): void {
    if (history.length > 0 && this.chainBreak(streamId, history, 0n, this.verified.get(streamId)) === null)
      this.remember(streamId, linkOf(history[history.length - 1]));
  }

  /**
   * After an append whose stamps the store reported: `last` (the store's own hash for the new
   * last event) becomes the verified point when it was appended right after `previous`, the
   * link this process had just verified. Nothing is re-hashed; the next command re-reads from here.
   */
  noteAppendedLink(streamId: string, previous: ChainLink | null, last: ChainLink): void {
    const remembered = this.verified.get(streamId) ?? null;
    const follows =
      previous === null
        ? remembered === null
        : remembered !== null && remembered.revision === previous.revision && remembered.hash === previous.hash;
    if (follows) this.remember(streamId, last);
  }

  private chainBreak(
    streamId: string,
    history: readonly RecordedEvent[],
    from: bigint,
    remembered: ChainLink | undefined,
  ): BrokenStream | null {
    let start = 0;
    let link: ChainLink | null = null;
    if (remembered) {
      if (remembered.revision < from)
        throw new Error(`stream ${streamId}: read from revision ${from}, after its last verified link (${remembered.revision})`);
      const at = history[Number(remembered.revision - from)];
      if (!at || at.revision !== remembered.revision) {
        return {
          streamId,
          revision: remembered.revision.toString(),
          kind: 'truncated',
          reason: `revision ${remembered.revision}, verified earlier, is no longer there`,
        };
      }
      if (at.metadata.hash !== remembered.hash) {
        return { streamId, revision: remembered.revision.toString(), kind: 'rewritten', reason: 'its hash changed since it was verified' };
      }
      start = Number(remembered.revision - from) + 1;
      link = remembered;
    } else if (from !== 0n) {
      throw new Error(`stream ${streamId}: no verified link to check a history read from revision ${from} against; read it from 0`);
    }
    for (let i = start; i < history.length; i++) {
      const event = history[i];
      const result = verifyLink(link, event);
      if (!result.ok) return { streamId, revision: result.revision.toString(), kind: kindOf(result.reason), reason: result.reason };
      link = linkOf(event);
    }
    return null;
  }

  private async sealedBreak(
    streamId: string,
    history: readonly RecordedEvent[],
    from: bigint,
    readRevision: PartialHistory['readRevision'],
  ): Promise<BrokenStream | null> {
    const sealed = await this.sealed?.headOf(streamId);
    if (!sealed) return null;
    const revision = sealed.revision.toString();
    if (history.length === 0 && from === 0n) {
      return { streamId, revision, kind: 'stream-deleted', reason: `the last checkpoint sealed it at revision ${revision} but it is gone` };
    }
    const at =
      sealed.revision >= from ? history[Number(sealed.revision - from)] : readRevision ? await readRevision(sealed.revision) : undefined;
    if (!at)
      return {
        streamId,
        revision,
        kind: 'truncated',
        reason: `the last checkpoint sealed revision ${revision} but the stream ends before it`,
      };
    if (at.metadata.hash !== sealed.hash) {
      return { streamId, revision, kind: 'rewritten', reason: 'it differs from what the last checkpoint sealed: the stream was rewritten' };
    }
    return null;
  }

  private remember(streamId: string, link: ChainLink): void {
    // Re-inserting moves the stream to the back: the map's order is least recently verified first.
    this.verified.delete(streamId);
    this.verified.set(streamId, link);
    if (this.verified.size > this.maxRemembered) this.verified.delete(this.verified.keys().next().value as string);
  }
}

function kindOf(reason: string): IntegrityBreak {
  if (/gap|missing|out of order/.test(reason)) return 'missing-events';
  if (/previousHash/.test(reason)) return 'relinked';
  return 'altered';
}
