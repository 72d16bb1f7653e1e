export * from './port';
export { canonicalJson, CanonicalJsonError } from './canonical-json';
export { sealEvents, verifyStreamChain } from './chain';
export type { ChainLink, ChainVerification, SealedEvent } from './chain';
export { eventIdFor, EVENT_ID_NAMESPACE, isUuid } from './event-id';
export { openSqliteEventStore, SqliteEventStore } from './sqlite';
export type { SqliteEventStoreOptions, SqliteSynchronousMode } from './sqlite';
export { openEventStoreDbEventStore, EventStoreDbEventStore } from './eventstoredb';
export type { EventStoreDbEventStoreOptions } from './eventstoredb';
