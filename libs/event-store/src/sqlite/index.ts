export { openSqliteEventStore, SqliteEventStore } from './sqlite-event-store';
export type { SqliteEventStoreOptions } from './sqlite-event-store';
export type { SqliteSynchronousMode } from './schema';
