import { EventStore } from '@channel-ledger/event-store';
import { ReadStore } from '@channel-ledger/read-store';
import { AppConfig } from '../config/app-config';
import { openEventStore, openReadStore } from '../config/open-stores';
import { UpcastingEventStore } from '../schemas/upcasting-event-store';
import { Secrets } from '../secrets/secrets';
import { DataSubjects } from './data-subjects';
import { EncryptingEventStore } from './encrypting-event-store';
import {
  InMemorySubjectKeyStore,
  ReadStoreSubjectKeyStore,
  SqliteSubjectKeyStore,
  SubjectKeyStore,
  subjectKeyFileBeside,
} from './subject-key-store';

/**
 * The event store as the ledger uses it: current-shape events (upcast on read) with personal
 * data decrypted (encrypted on append). `raw` is the store itself: what the chain is over, what
 * `replay --raw` shows. Closing `store` closes `raw`; the key store is closed with it.
 */
export interface LedgerEventStore {
  store: EventStore;
  raw: EventStore;
  keys: SubjectKeyStore;
  subjects: DataSubjects;
}

/** Wraps an open store: upcasting outside, encryption inside (upcasters see plaintext). */
export function wrapLedgerEventStore(raw: EventStore, keys: SubjectKeyStore, subjects: DataSubjects): EventStore {
  const store = new UpcastingEventStore(new EncryptingEventStore(raw, keys, subjects));
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    await keys.close();
  };
  return store;
}

/**
 * Where this deployment keeps data subjects' keys: with the embedded SQLite store, a file of its
 * own beside the events file (in memory for an in-memory store); with EventStoreDB, a collection
 * of the read store (MongoDB). `readStore` is only used in the second case; without it a
 * connection of its own is opened (and closed with the key store).
 */
export async function openSubjectKeyStore(
  config: Pick<AppConfig, 'eventStore' | 'readStore'>,
  readStore?: () => Promise<ReadStore>,
): Promise<SubjectKeyStore> {
  if (config.eventStore.kind === 'sqlite') {
    if (config.eventStore.path === ':memory:') return new InMemorySubjectKeyStore();
    return new SqliteSubjectKeyStore(subjectKeyFileBeside(config.eventStore.path));
  }
  return readStore ? new ReadStoreSubjectKeyStore(await readStore()) : new ReadStoreSubjectKeyStore(await openReadStore(config), true);
}

export async function openLedgerEventStore(
  config: Pick<AppConfig, 'eventStore' | 'readStore'>,
  secrets: Secrets,
  readStore?: () => Promise<ReadStore>,
): Promise<LedgerEventStore> {
  const raw = await openEventStore(config);
  const keys = await openSubjectKeyStore(config, readStore);
  const subjects = DataSubjects.fromSecrets(secrets);
  return { store: wrapLedgerEventStore(raw, keys, subjects), raw, keys, subjects };
}
