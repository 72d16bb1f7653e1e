export { defineProjection } from './engine/projection';
export type { Projection, ProjectionCollection, ProjectionView } from './engine/projection';
export {
  asLedgerEvent,
  defineDocumentProjection,
  defineLedgerProjection,
  documentWrites,
  evolveDocument,
} from './engine/document-projection';
export type { DocumentEvolution, DocumentIds, EventWrites, LedgerProjectionDefinition, Recorded } from './engine/document-projection';
export { ProjectionRunner, DEFAULT_CATCH_UP_BATCH_SIZE, DEFAULT_LIVE_BATCH_SIZE } from './engine/runner';
export type { ProjectionRunnerOptions, WaitOptions } from './engine/runner';
export { startProjector } from './engine/start-projector';
export type { ProjectionState, ProjectionStatus, ProjectionFailure, RebuildProgress, RebuildOutcome } from './engine/status';
export {
  ProjectionEventError,
  ProjectionNotRunningError,
  CatchUpTimeoutError,
  UnknownProjectionError,
  describeError,
} from './engine/errors';
export { checkpointName, generationSuffix, physicalCollectionName, parsePhysicalCollectionName } from './engine/generation';
export type { Generation } from './engine/generation';
export { consoleLogger, silentLogger } from './engine/logger';
export type { ProjectionLogger } from './engine/logger';

export * from './read-page';
export * from './reseller-view';
export * from './customer-view';
export * from './read-models';
export * from './audit-trail';
export * from './reporting';
export * from './identity';
export * from './mail-outbox';
export * from './email-lookup';
