export * from './stream-head';
export * from './merkle';
export * from './checkpoint';
export * from './checkpoint-store';
export { SqliteCheckpointStore, openSqliteCheckpointStore, checkpointFileBeside } from './sqlite-checkpoint-store';
export * from './seal';
export * from './log-verifier';
