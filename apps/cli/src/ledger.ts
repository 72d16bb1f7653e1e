import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { KeyObject } from 'node:crypto';
import { AppConfig, checkpointSigner, loadConfig, openCheckpointStore, openEventStore, openReadStore, resolveSecrets, Secrets } from '@channel-ledger/application';
import { CheckpointSigner, CheckpointStore, EventStore } from '@channel-ledger/event-store';
import { ReadStore } from '@channel-ledger/read-store';

/**
 * The stores a command needs, opened on first use and closed once at the end, configured exactly
 * as the API is (CHANNEL_LEDGER_SQLITE_PATH, EVENTSTORE_CONNECTION_STRING, MONGODB_URI, …). A
 * command that needs no store (verify --file) opens none and reads no configuration.
 */
export class Ledger {
  private configCache: AppConfig | null = null;
  private events: Promise<EventStore> | null = null;
  private reads: Promise<ReadStore> | null = null;
  private checkpointStore: Promise<CheckpointStore> | null = null;

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  get config(): AppConfig {
    this.configCache ??= loadConfig(this.env);
    return this.configCache;
  }

  eventStore(): Promise<EventStore> {
    this.events ??= openEventStore(this.config);
    return this.events;
  }

  readStore(): Promise<ReadStore> {
    this.reads ??= openReadStore(this.config);
    return this.reads;
  }

  checkpoints(): Promise<CheckpointStore> {
    this.checkpointStore ??= openCheckpointStore(this.config, () => this.readStore());
    return this.checkpointStore;
  }

  /** The key that signs checkpoints; generates the development secret if there is none yet, as the API would. */
  signer(): CheckpointSigner {
    return checkpointSigner(resolveSecrets(this.config));
  }

  /**
   * The key checkpoints must verify under, derived from the configured secret, or null when this
   * machine has none: verifying must never create a secret of its own.
   */
  trustedKey(): KeyObject | null {
    const { secret, eventStore } = this.config;
    if (secret) return new Secrets(secret).checkpointSigningKey().publicKey;
    if (eventStore.kind !== 'sqlite' || eventStore.path === ':memory:') return null;
    const file = join(dirname(eventStore.path), 'secret.key');
    return existsSync(file) ? new Secrets(readFileSync(file, 'utf8').trim()).checkpointSigningKey().publicKey : null;
  }

  async close(): Promise<void> {
    const opened = await Promise.allSettled([this.checkpointStore, this.events, this.reads].filter((p) => p !== null));
    for (const result of opened) if (result.status === 'fulfilled') await result.value.close();
  }
}

