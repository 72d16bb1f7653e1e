export { defineProjection } from './projection';
export type { Projection, ProjectionCollection, ProjectionView } from './projection';
export { ProjectionRunner, DEFAULT_CATCH_UP_BATCH_SIZE, DEFAULT_LIVE_BATCH_SIZE } from './runner';
export type { ProjectionRunnerOptions, WaitOptions } from './runner';
export { startProjector } from './start-projector';
export type { ProjectionState, ProjectionStatus, ProjectionFailure, RebuildProgress, RebuildOutcome } from './status';
export {
  ProjectionEventError,
  ProjectionNotRunningError,
  CatchUpTimeoutError,
  UnknownProjectionError,
} from './errors';
export { checkpointName, generationSuffix, physicalCollectionName, parsePhysicalCollectionName } from './generation';
export type { Generation } from './generation';
export { consoleLogger, silentLogger } from './logger';
export type { ProjectionLogger } from './logger';

export * from './read-page';
export * from './reseller-view';
export * from './customer-view';
export * from './read-models';
export * from './audit-trail';
export * from './reporting';
export * from './identity';
export * from './mail-outbox';
export * from './email-lookup';
