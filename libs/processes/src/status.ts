import type { ProjectionFailure, ProjectionState } from '@channel-ledger/projections';
import type { ProcessName, ProcessStep } from './names';

/**
 * - running: follows the log and acts on what falls due;
 * - failed: stopped on a step it could not take (see `failure`) until retried; the others go on;
 * - stalled: its schedule is not being followed (the schedule projection failed or is catching up
 *   after a failure), so nothing is acted on until it is;
 * - stopped: the process manager is not running.
 */
export type ProcessState = 'running' | 'failed' | 'stalled' | 'stopped';

/** One step a process took. */
export interface ProcessStepRecord {
  itemId: string;
  step: ProcessStep;
  /** When it fell due: the business time of what it recorded. */
  dueAt: string;
  commandId: string;
  /** The event types recorded (the original ones when the step was already in the log). */
  events: string[];
  /** False when nothing was appended this time (already done by an earlier run or another instance, or nothing to do). */
  appended: boolean;
  /** When it was taken (wall-clock time of this process). */
  at: string;
}

export interface ProcessFailure {
  itemId: string;
  step: ProcessStep;
  dueAt: string;
  commandId: string;
  reason: string;
  /** Wall-clock time of the failure. */
  at: string;
}

export interface ProcessStatus {
  name: ProcessName;
  state: ProcessState;
  /** How far the process has followed the log: the schedule's checkpoint (decimal string). */
  position: string;
  headPosition: string;
  lag: string;
  /** The earliest time something of this process falls due (possibly already past); null when nothing is scheduled. */
  nextDueAt: string | null;
  /** Items scheduled and not yet settled. */
  pending: number;
  lastStep: ProcessStepRecord | null;
  failure?: ProcessFailure;
  /** The schedule projection itself, when it is not live. */
  schedule?: { state: ProjectionState; failure?: ProjectionFailure };
}
