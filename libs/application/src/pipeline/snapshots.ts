/**
 * Snapshots of folded state, so a command on a long stream folds only the events after the
 * snapshot instead of the whole stream.
 *
 * A snapshot is keyed by stream, decider (the decider object itself, and its `snapshotVersion`
 * when it declares one) and revision, and carries the hash of the event at that revision. It is
 * never trusted over the log: the command pipeline reads the stream from the snapshot's revision
 * and uses the snapshot only when the event there still has that hash; a missing, stale or
 * mismatching snapshot is dropped and the state is folded from the events again (and a new
 * snapshot taken after the next append).
 *
 * Erasing a person's data (crypto-shredding) changes what folding a stream would give, so whoever
 * erases drops the affected snapshots: `pipeline.snapshots.deleteStream(streamId)` for the
 * streams concerned, or `pipeline.snapshots.clear()` for all of them. Both are cheap and always
 * safe: the next command on the stream folds it from the log.
 */
import type { Decider, DomainEvent } from '@channel-ledger/domain';

export interface StateSnapshot<S = unknown> {
  /** The stream's revision the state was folded up to (inclusive). */
  revision: bigint;
  /** The stored hash of the event at `revision`: a different one means the snapshot is stale. */
  hash: string;
  /** `decider.snapshotVersion` when the snapshot was taken (a changed fold invalidates it). */
  version: number | null;
  state: S;
}

/** A decider may declare the version of its fold; snapshots taken under another are not used. */
export type SnapshotDecider = Pick<Decider<never, DomainEvent, unknown>, 'evolve' | 'initialState'> & { snapshotVersion?: number };

export interface SnapshotStore {
  get<S>(streamId: string, decider: object): StateSnapshot<S> | undefined;
  put<S>(streamId: string, decider: object, snapshot: StateSnapshot<S>): void;
  /** Drops every snapshot of one stream (e.g. after a person's data in it was erased). */
  deleteStream(streamId: string): void;
  /** Drops every snapshot. */
  clear(): void;
}

export interface InMemorySnapshotStoreOptions {
  /** How many streams keep a snapshot (least recently used dropped first; default 10 000). */
  maxStreams?: number;
}

/**
 * Snapshots held in memory, beside the ChainGuard's verified links: states are the deciders'
 * immutable values, so keeping one is keeping a reference (no serialization, no copy). Bounded
 * LRU per stream. A restart starts empty: each stream is folded from the log once, then follows
 * its snapshot.
 */
export class InMemorySnapshotStore implements SnapshotStore {
  private readonly streams = new Map<string, Map<object, StateSnapshot>>();
  private readonly maxStreams: number;

  constructor(options: InMemorySnapshotStoreOptions = {}) {
    this.maxStreams = options.maxStreams ?? 10_000;
  }

  get<S>(streamId: string, decider: object): StateSnapshot<S> | undefined {
    return this.streams.get(streamId)?.get(decider) as StateSnapshot<S> | undefined;
  }

  put<S>(streamId: string, decider: object, snapshot: StateSnapshot<S>): void {
    let byDecider = this.streams.get(streamId);
    if (byDecider) this.streams.delete(streamId);
    else byDecider = new Map();
    byDecider.set(decider, snapshot);
    // Re-inserting moves the stream to the back: the map's order is least recently written first.
    this.streams.set(streamId, byDecider);
    if (this.streams.size > this.maxStreams) this.streams.delete(this.streams.keys().next().value as string);
  }

  deleteStream(streamId: string): void {
    this.streams.delete(streamId);
  }

  clear(): void {
    this.streams.clear();
  }

  /** How many streams hold a snapshot (for tests and status). */
  get size(): number {
    return this.streams.size;
  }
}
