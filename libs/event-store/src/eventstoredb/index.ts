export { EventStoreDbEventStore, openEventStoreDbEventStore } from './eventstoredb-event-store';
export type { EventStoreDbEventStoreOptions, SubscriptionHealth, SubscriptionIncident } from './eventstoredb-event-store';
