import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, BrokenStream, CommandPipeline, Secrets, verifyLedger } from '@channel-ledger/application';
import { CheckpointSealer, CheckpointStore, EventStore, LogVerification, SealOutcome } from '@channel-ledger/event-store';
import { APP_CONFIG, EVENT_STORE } from '../../infrastructure/infrastructure.module';
import { CHECKPOINT_STORE, SEAL_INTERVAL_MS } from '../checkpoint-store.provider';

export type StartUpCheck = 'not-checked' | 'checking' | 'intact' | 'broken';

/**
 * The running ledger checks itself: the command pipeline compares every stream it decides on with
 * the last signed checkpoint and refuses a broken one (raised here, in the log and in
 * GET /audit/integrity); at start-up the whole log is compared with that checkpoint in the
 * background; and where this process runs the projections (the embedded default) it seals a new
 * checkpoint every minute and once more on shutdown.
 */
@Injectable()
export class LedgerIntegrity implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Integrity');
  private readonly sealer: CheckpointSealer | null;
  private timer: NodeJS.Timeout | null = null;
  private readonly stopCheck = new AbortController();
  private check: { state: StartUpCheck; result: LogVerification | null } = { state: 'not-checked', result: null };
  private checking: Promise<void> | null = null;
  private lastSealError: string | null = null;
  private readonly refused = new Map<string, BrokenStream>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CHECKPOINT_STORE) private readonly checkpoints: CheckpointStore,
    private readonly pipeline: CommandPipeline,
    private readonly secrets: Secrets,
  ) {
    this.sealer = config.runProjectionsInProcess ? new CheckpointSealer(store, checkpoints, secrets.checkpointSigningKey()) : null;
  }

  onApplicationBootstrap(): void {
    this.pipeline.integrity.useSealedHeads(this.checkpoints);
    this.pipeline.integrity.onBroken((broken) => {
      this.refused.set(broken.streamId, broken);
      this.logger.error(`refused to append to ${broken.streamId}: ${broken.kind} at revision ${broken.revision ?? '-'}: ${broken.reason}`);
    });
    this.checking = this.compareWithLastCheckpoint();
    if (this.sealer) {
      this.timer = setInterval(() => void this.seal(), SEAL_INTERVAL_MS);
      this.timer.unref();
    }
  }

  /** Seals now (also what the interval does); a failure is logged and shown in the status, never thrown. */
  async seal(): Promise<SealOutcome | null> {
    if (!this.sealer) return null;
    try {
      const outcome = await this.sealer.seal();
      this.lastSealError = null;
      return outcome;
    } catch (error) {
      this.lastSealError = error instanceof Error ? error.message : String(error);
      this.logger.error(`could not seal a checkpoint: ${this.lastSealError}`);
      return null;
    }
  }

  /** Resolves once the start-up comparison is done (tests, and anyone who must know). */
  async startUpCheck(): Promise<{ state: StartUpCheck; result: LogVerification | null }> {
    await this.checking;
    return this.check;
  }

  async status() {
    return {
      startUpCheck: this.check.state,
      startUpFindings: this.check.result ? { findings: this.check.result.findings, moreFindings: this.check.result.moreFindings } : null,
      lastCheckpoint: await this.checkpoints.latest(),
      lastSealError: this.lastSealError,
      refusedStreams: [...this.refused.values()],
    };
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.stopCheck.abort();
    await this.checking;
    await this.seal();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.checkpoints.close();
  }

  private async compareWithLastCheckpoint(): Promise<void> {
    const checkpoint = await this.checkpoints.latest().catch(() => null);
    if (!checkpoint) return;
    this.check = { state: 'checking', result: null };
    try {
      const result = await verifyLedger(this.store, this.checkpoints, {
        checkpoint,
        publicKey: this.secrets.checkpointSigningKey().publicKey,
        signal: this.stopCheck.signal,
      });
      this.check = { state: result.ok ? 'intact' : 'broken', result };
      if (result.ok) this.logger.log(`the log matches checkpoint #${checkpoint.sequence} (${result.eventsChecked} events)`);
      else
        for (const f of result.findings)
          this.logger.error(`the log differs from checkpoint #${checkpoint.sequence}: ${f.kind} ${f.streamId ?? ''} ${f.reason}`);
    } catch (error) {
      if (this.stopCheck.signal.aborted) {
        this.check = { state: 'not-checked', result: null };
        return;
      }
      this.check = { state: 'broken', result: null };
      this.logger.error(
        `could not compare the log with checkpoint #${checkpoint.sequence}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
