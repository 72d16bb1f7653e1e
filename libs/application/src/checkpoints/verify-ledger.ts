import { KeyObject } from 'node:crypto';
import {
  CheckpointStore,
  checkpointProblems,
  EventStore,
  LogVerification,
  LogVerifier,
  merkleRoot,
  SignedCheckpoint,
  StreamHead,
} from '@channel-ledger/event-store';
import { recomputeAmounts } from '../audit/recompute-amounts';

export interface VerifyLedgerOptions {
  /** The checkpoint to hold the log to: one the auditor kept, else the store's latest. */
  checkpoint?: SignedCheckpoint | null;
  /** Its heads, when they come from the auditor too; else read from the checkpoint store. */
  heads?: readonly StreamHead[];
  /** The key checkpoints must be signed with; without it signatures are not checked. */
  publicKey?: KeyObject | null;
  /** Recompute every proration and invoice total (default true). */
  recompute?: boolean;
  onProgress?: (eventsDone: number, lastPosition: bigint | null) => void;
  pageSize?: number;
  /** Stops between pages (the API's start-up check, when it shuts down first). */
  signal?: AbortSignal;
}

/**
 * The whole-log check: every stream's chain, every recomputable amount, and the log against a
 * signed checkpoint (no stream shorter or different than it sealed, no tail cut). Streams the log
 * once, so memory follows the number of streams.
 */
export async function verifyLedger(
  store: EventStore,
  checkpoints: CheckpointStore | null,
  options: VerifyLedgerOptions = {},
): Promise<LogVerification> {
  const checkpoint = options.checkpoint !== undefined ? options.checkpoint : ((await checkpoints?.latest()) ?? null);
  // One map of heads, no array beside it: memory here is per stream, so it is counted.
  const heads = new Map<string, StreamHead>();
  for (const head of checkpoint ? (options.heads ?? (checkpoints ? await checkpoints.heads(checkpoint.sequence) : [])) : [])
    heads.set(head.streamId, head);
  const verifier = new LogVerifier({
    expected: checkpoint ? { checkpoint, heads } : null,
    checks: options.recompute === false ? [] : [recomputeAmounts],
  });
  if (checkpoint) {
    const problems = options.publicKey ? checkpointProblems(checkpoint, options.publicKey) : [];
    if (merkleRoot(heads.values()) !== checkpoint.streamsRoot)
      problems.push(`the stream heads of checkpoint #${checkpoint.sequence} do not match its signed root`);
    for (const reason of problems)
      verifier.report({ kind: 'checkpoint', streamId: null, revision: null, eventId: null, position: null, reason });
  }
  let after: bigint | null = null;
  let done = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const page = await store.readAll({ after, limit: options.pageSize ?? 1000 });
    for (const event of page.events) verifier.accept(event);
    done += page.events.length;
    after = page.lastPosition ?? after;
    options.onProgress?.(done, after);
    if (page.isEnd || page.lastPosition === null) break;
  }
  return verifier.finish();
}
