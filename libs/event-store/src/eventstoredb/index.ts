export { EventStoreDbEventStore, openEventStoreDbEventStore } from './eventstoredb-event-store';
export type { EventStoreDbEventStoreOptions } from './eventstoredb-event-store';
