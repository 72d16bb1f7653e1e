export * from './open-checkpoint-store';
export * from './read-store-checkpoint-store';
export * from './verify-ledger';
