export * from './time-axes';
export * from './ledger-subject';
export * from './event-line';
export * from './replay';
export * from './invoice-owner';
export * from './recompute-amounts';
