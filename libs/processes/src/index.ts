export * from './names';
export * from './status';
export { ProcessManager } from './process-manager';
export type { ProcessManagerOptions, ProcessClock, StepResult } from './process-manager';
export { stepEnvelope, takeStep } from './steps';
export * from './schedule/collections';
export { processScheduleProjection, PROCESS_SCHEDULE_PROJECTION, SCHEDULE_EVENT_TYPES, scheduleOperations } from './schedule/projection';
export { dueItems, nextScheduled, pendingCount, scheduleItem } from './schedule/queries';
