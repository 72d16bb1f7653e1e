import type { SignedCheckpoint } from './checkpoint';
import type { StreamHead } from './stream-head';

/**
 * Where signed checkpoints are kept: apart from the events (another SQLite file, or a read-store
 * collection on the production stack), so whoever can rewrite the events table does not also
 * rewrite the proof in the same stroke. Each checkpoint stores only the heads that moved since
 * the one before; the heads of checkpoint n are the latest entry of each stream up to n.
 */
export interface CheckpointStore {
  latest(): Promise<SignedCheckpoint | null>;
  bySequence(sequence: number): Promise<SignedCheckpoint | null>;
  /** Every checkpoint, oldest first (small: no heads). */
  list(): Promise<SignedCheckpoint[]>;
  /** Every stream's head as checkpoint `sequence` sealed it, sorted by stream id. */
  heads(sequence: number): Promise<StreamHead[]>;
  /** One stream's head as of checkpoint `sequence` (default: the latest); null if it was not sealed. */
  headOf(streamId: string, sequence?: number): Promise<StreamHead | null>;
  /** Adds the next checkpoint; CheckpointConflictError unless it follows the latest one. */
  append(checkpoint: SignedCheckpoint, changedHeads: readonly StreamHead[]): Promise<void>;
  close(): Promise<void>;
}

/** Another sealer got there first (two processes sealing the same store); the caller may reload. */
export class CheckpointConflictError extends Error {
  override readonly name = 'CheckpointConflictError';
  constructor(readonly sequence: number) {
    super(`checkpoint #${sequence} cannot be appended: it does not follow the latest checkpoint`);
  }
}
