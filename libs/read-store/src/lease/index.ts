export type { LeaseInfo, LeaseStore } from './lease-store';
export { openSqliteLeaseStore } from './sqlite-lease-store';
export type { SqliteLeaseStoreOptions } from './sqlite-lease-store';
export { openMongoLeaseStore, LEASE_COLLECTION } from './mongo-lease-store';
export type { MongoLeaseStoreOptions } from './mongo-lease-store';
