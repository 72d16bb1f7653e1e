import { ChainLink, verifyLink } from '../chain';
import type { EventStore } from '../port';
import { CHECKPOINT_FORMAT, checkpointProblems, CheckpointSigner, keyIdOf, SignedCheckpoint, signCheckpoint } from './checkpoint';
import { CheckpointConflictError, CheckpointStore } from './checkpoint-store';
import { merkleRoot } from './merkle';
import { headOf, StreamHead } from './stream-head';

export type SealOutcome =
  { sealed: true; checkpoint: SignedCheckpoint; newEvents: number } | { sealed: false; checkpoint: SignedCheckpoint | null; newEvents: 0 };

/** The log no longer extends the chain the last checkpoint sealed: nothing is sealed over it. */
export class UnsealableLogError extends Error {
  override readonly name = 'UnsealableLogError';
  constructor(
    readonly streamId: string | null,
    readonly revision: bigint | null,
    reason: string,
  ) {
    super(streamId === null ? reason : `${streamId} at revision ${revision}: ${reason}`);
  }
}

export interface CheckpointSealerOptions {
  clock?: () => Date;
  /** Events per readAll page (default 1000). */
  pageSize?: number;
}

/**
 * Seals the log's head: reads what was appended since the last checkpoint, checks that every new
 * event extends its stream's sealed chain, and appends a signed checkpoint over every stream's
 * head. The heads stay in memory between seals, so each seal costs the new events plus one pass
 * over the heads (the Merkle root), not a walk of the whole log.
 */
export class CheckpointSealer {
  private heads: { sequence: number; byStream: Map<string, StreamHead> } | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private readonly clock: () => Date;
  private readonly pageSize: number;

  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    private readonly signer: CheckpointSigner,
    options: CheckpointSealerOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.pageSize = options.pageSize ?? 1000;
  }

  /** One seal at a time per sealer; a second call waits for the first. */
  seal(): Promise<SealOutcome> {
    const next = this.running.then(
      () => this.sealNow(),
      () => this.sealNow(),
    );
    this.running = next.catch(() => undefined);
    return next;
  }

  private async sealNow(): Promise<SealOutcome> {
    const latest = await this.checkpoints.latest();
    if (latest) {
      const problems = checkpointProblems(latest, this.signer.publicKey);
      if (problems.length > 0) throw new UnsealableLogError(null, null, `the last checkpoint does not verify: ${problems.join('; ')}`);
    }
    const heads = await this.headsOf(latest);
    // The cached heads are updated in place (no copy of a map per stream); any failure below drops them.
    this.heads = null;
    const changed = new Map<string, StreamHead>();
    let after = latest?.headPosition == null ? null : BigInt(latest.headPosition);
    let newEvents = 0;
    for (;;) {
      const page = await this.store.readAll({ after, limit: this.pageSize });
      for (const event of page.events) {
        const previous = heads.get(event.streamId);
        const link: ChainLink | null = previous ? { revision: previous.revision, hash: previous.hash } : null;
        const check = verifyLink(link, event);
        if (!check.ok) throw new UnsealableLogError(event.streamId, check.revision, check.reason);
        const head = headOf(event);
        heads.set(event.streamId, head);
        changed.set(event.streamId, head);
        newEvents++;
      }
      after = page.lastPosition ?? after;
      if (page.isEnd || page.lastPosition === null) break;
    }
    if (newEvents === 0 && latest) {
      this.heads = { sequence: latest.sequence, byStream: heads };
      return { sealed: false, checkpoint: latest, newEvents: 0 };
    }

    const checkpoint = signCheckpoint(
      {
        format: CHECKPOINT_FORMAT,
        sequence: (latest?.sequence ?? 0) + 1,
        sealedAt: this.clock().toISOString(),
        headPosition: after === null ? null : after.toString(),
        eventCount: (BigInt(latest?.eventCount ?? '0') + BigInt(newEvents)).toString(),
        streamCount: heads.size,
        streamsRoot: merkleRoot(heads.values()),
        previousDigest: latest?.digest ?? null,
        keyId: keyIdOf(this.signer.publicKey),
      },
      this.signer,
    );
    try {
      await this.checkpoints.append(checkpoint, [...changed.values()]);
    } catch (error) {
      // Another process sealed meanwhile: our in-memory heads are stale, reload next time.
      if (error instanceof CheckpointConflictError) return { sealed: false, checkpoint: await this.checkpoints.latest(), newEvents: 0 };
      throw error;
    }
    this.heads = { sequence: checkpoint.sequence, byStream: heads };
    return { sealed: true, checkpoint, newEvents };
  }

  private async headsOf(latest: SignedCheckpoint | null): Promise<Map<string, StreamHead>> {
    if (!latest) return new Map();
    if (this.heads?.sequence === latest.sequence) return this.heads.byStream;
    const loaded = await this.checkpoints.heads(latest.sequence);
    const root = merkleRoot(loaded);
    if (root !== latest.streamsRoot) {
      throw new UnsealableLogError(null, null, `the stored stream heads of checkpoint #${latest.sequence} do not match its signed root`);
    }
    return new Map(loaded.map((h) => [h.streamId, h]));
  }
}
