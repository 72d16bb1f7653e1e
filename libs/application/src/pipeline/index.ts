export * from './command-envelope';
export * from './command-pipeline';
export * from './errors';
export * from './load-state';
export * from './derived-id';
export * from './stream-integrity';
export * from './snapshots';
