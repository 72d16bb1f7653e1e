import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { KeyObject, randomBytes } from 'node:crypto';
import {
  AppConfig,
  checkpointSigner,
  DataSubjects,
  emailLookupKeyFrom,
  loadConfig,
  openCheckpointStore,
  openEventStore,
  openReadStore,
  openSubjectKeyStore,
  resolveSecrets,
  Secrets,
  wrapLedgerEventStore,
} from '@channel-ledger/application';
import { useEmailLookupKey } from '@channel-ledger/projections';
import { CheckpointSigner, CheckpointStore, EventStore } from '@channel-ledger/event-store';
import { ReadStore } from '@channel-ledger/read-store';

/**
 * The stores a command needs, opened on first use and closed once at the end, configured exactly
 * as the API is (CHANNEL_LEDGER_SQLITE_PATH, EVENTSTORE_CONNECTION_STRING, MONGODB_URI, …). A
 * command that needs no store (verify --file) opens none and reads no configuration.
 */
export class Ledger {
  private configCache: AppConfig | null = null;
  private raw: Promise<EventStore> | null = null;
  private events: Promise<EventStore> | null = null;
  private reads: Promise<ReadStore> | null = null;
  private checkpointStore: Promise<CheckpointStore> | null = null;

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  get config(): AppConfig {
    this.configCache ??= loadConfig(this.env);
    return this.configCache;
  }

  /**
   * The log as the code reads it: events upcast to their current shape, personal data decrypted
   * ("[erased]" for a forgotten person). Chains are still verified over the stored bytes.
   */
  eventStore(): Promise<EventStore> {
    this.events ??= (async () => {
      // Reading needs only the key store; the secret keys address lookups (rebuilt read models must
      // match the API's) and new subjects. Never created here: verifying must not mint a secret.
      const secrets = this.existingSecrets();
      if (secrets) useEmailLookupKey(emailLookupKeyFrom(secrets));
      const keys = await openSubjectKeyStore(this.config, () => this.readStore());
      const subjects = secrets ? DataSubjects.fromSecrets(secrets) : new DataSubjects(randomBytes(32).toString('base64url'));
      return wrapLedgerEventStore(await this.rawEventStore(), keys, subjects);
    })();
    return this.events;
  }

  /** The log exactly as stored (older shapes, ciphertexts): `replay --raw`. */
  rawEventStore(): Promise<EventStore> {
    this.raw ??= openEventStore(this.config);
    return this.raw;
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
    return this.existingSecrets()?.checkpointSigningKey().publicKey ?? null;
  }

  /** The configured secret, or the development one beside the embedded store; null when this machine has none. */
  private existingSecrets(): Secrets | null {
    const { secret, eventStore } = this.config;
    if (secret) return new Secrets(secret);
    if (eventStore.kind !== 'sqlite' || eventStore.path === ':memory:') return null;
    const file = join(dirname(eventStore.path), 'secret.key');
    return existsSync(file) ? new Secrets(readFileSync(file, 'utf8').trim()) : null;
  }

  async close(): Promise<void> {
    // The wrapped store closes the raw one (and the key store) itself.
    const opened = await Promise.allSettled([this.checkpointStore, this.events ?? this.raw, this.reads].filter((p) => p !== null));
    for (const result of opened) if (result.status === 'fulfilled') await result.value.close();
  }
}
