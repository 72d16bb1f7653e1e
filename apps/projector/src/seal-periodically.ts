import { AppConfig, checkpointSigner, openCheckpointStore, resolveSecrets } from '@channel-ledger/application';
import { CheckpointSealer, EventStore } from '@channel-ledger/event-store';
import { ReadStore } from '@channel-ledger/read-store';

export const SEAL_INTERVAL_MS = 60_000;

export interface PeriodicSealing {
  /** Stops the interval and seals once more (what was appended since the last one). */
  stop(): Promise<void>;
}

/**
 * On the production stack the projector is the process that follows the whole log, so it is the
 * one that seals checkpoints of its head (the API only does where it runs the projections itself).
 * A failed seal is logged and tried again at the next interval; it never stops the projections.
 */
export async function sealPeriodically(
  config: AppConfig,
  eventStore: EventStore,
  readStore: ReadStore,
  intervalMs = SEAL_INTERVAL_MS,
): Promise<PeriodicSealing> {
  const checkpoints = await openCheckpointStore(config, async () => readStore);
  const sealer = new CheckpointSealer(eventStore, checkpoints, checkpointSigner(resolveSecrets(config)));
  const seal = async () => {
    try {
      const outcome = await sealer.seal();
      if (outcome.sealed)
        console.log(
          `[projector] sealed checkpoint #${outcome.checkpoint.sequence} (${outcome.newEvents} new events, digest ${outcome.checkpoint.digest})`,
        );
    } catch (error) {
      console.error(`[projector] could not seal a checkpoint: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const timer = setInterval(() => void seal(), intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await seal();
      await checkpoints.close();
    },
  };
}
