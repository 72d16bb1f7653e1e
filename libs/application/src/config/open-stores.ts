import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { EventStore, openEventStoreDbEventStore, openSqliteEventStore } from '@channel-ledger/event-store';
import {
  LeaseStore,
  openMongoLeaseStore,
  openMongoReadStore,
  openSqliteLeaseStore,
  openSqliteReadStore,
  ReadStore,
} from '@channel-ledger/read-store';
import { AppConfig } from './app-config';

export async function openEventStore(config: Pick<AppConfig, 'eventStore'>): Promise<EventStore> {
  if (config.eventStore.kind === 'eventstoredb') {
    return openEventStoreDbEventStore({ connectionString: config.eventStore.connectionString });
  }
  ensureFolder(config.eventStore.path);
  return openSqliteEventStore({ path: config.eventStore.path });
}

export async function openReadStore(config: Pick<AppConfig, 'readStore'>): Promise<ReadStore> {
  if (config.readStore.kind === 'mongodb') {
    return openMongoReadStore({ uri: config.readStore.uri, database: config.readStore.database });
  }
  ensureFolder(config.readStore.path);
  return openSqliteReadStore({ path: config.readStore.path });
}

/** Leases live beside the read models (the same SQLite file or MongoDB database), on a connection of their own. */
export async function openLeaseStore(config: Pick<AppConfig, 'readStore'>): Promise<LeaseStore> {
  if (config.readStore.kind === 'mongodb') {
    return openMongoLeaseStore({ uri: config.readStore.uri, database: config.readStore.database });
  }
  ensureFolder(config.readStore.path);
  return openSqliteLeaseStore({ path: config.readStore.path });
}

function ensureFolder(path: string): void {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
}
