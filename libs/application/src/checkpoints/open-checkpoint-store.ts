import { checkpointFileBeside, CheckpointSigner, CheckpointStore, openSqliteCheckpointStore } from '@channel-ledger/event-store';
import { ReadStore } from '@channel-ledger/read-store';
import { AppConfig } from '../config/app-config';
import { Secrets } from '../secrets/secrets';
import { ReadStoreCheckpointStore } from './read-store-checkpoint-store';

/**
 * Where this deployment keeps its checkpoints: with the embedded SQLite store, a file of its own
 * beside the events file; with EventStoreDB, collections of the read store (MongoDB in
 * production). `readStore` is only used in the second case and stays its caller's to close.
 */
export async function openCheckpointStore(
  config: Pick<AppConfig, 'eventStore'>,
  readStore: () => Promise<ReadStore>,
): Promise<CheckpointStore> {
  if (config.eventStore.kind === 'sqlite') {
    const path = config.eventStore.path === ':memory:' ? ':memory:' : checkpointFileBeside(config.eventStore.path);
    return openSqliteCheckpointStore(path);
  }
  return new ReadStoreCheckpointStore(await readStore());
}

export function checkpointSigner(secrets: Secrets): CheckpointSigner {
  return secrets.checkpointSigningKey();
}
