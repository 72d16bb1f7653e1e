import type { Generation } from './generation';
import type { GenerationWorker } from './generation-worker';
import type { ProjectionFailure, RebuildOutcome } from './status';

/** The generation readers see (the one the aliases name), and what keeps it up to date. */
export type Serving =
  /** Its worker catches up with the log, then follows it. */
  | { kind: 'live'; generation: Generation; worker: GenerationWorker; task: Promise<void> }
  /** Its worker stopped on an event it could not handle: reads stay at its checkpoint until retry. */
  | { kind: 'failed'; generation: Generation; worker: GenerationWorker; failure: ProjectionFailure }
  /**
   * Of a version the code no longer has (or missing a collection it now declares): nothing
   * updates it, so it exists only while the code's version builds beside it.
   */
  | { kind: 'frozen'; generation: Generation; position: bigint | null };

/** The next generation, built from position 0 beside the serving one. */
export type Rebuild =
  | { kind: 'building'; worker: GenerationWorker; outcome: Promise<RebuildOutcome> }
  /** Caught up: the serving worker is being stopped, the new generation brought level, the aliases moved. */
  | { kind: 'switching'; worker: GenerationWorker; outcome: Promise<RebuildOutcome> }
  /** Stopped on an event; the serving generation is untouched, retry resumes from the checkpoint. */
  | { kind: 'failed'; worker: GenerationWorker; failure: ProjectionFailure };

export type LiveServing = Extract<Serving, { kind: 'live' }>;
export type FailedServing = Extract<Serving, { kind: 'failed' }>;
export type BuildingRebuild = Extract<Rebuild, { kind: 'building' }>;
export type FailedRebuild = Extract<Rebuild, { kind: 'failed' }>;

/**
 * A projection slot's lifecycle. Serving and rebuild each fail on their own (a rebuild can fail
 * while the serving generation stays live, and the other way round), so a running slot holds
 * both parts; status.ts reads the projection's state from them.
 */
export type SlotState =
  /** Not started, or stopped; remembers what it was doing, for status (and for a switch landing after the stop). */
  | { kind: 'stopped'; was: RunningState | null }
  /** Finding the serving generation from the aliases; no worker yet. */
  | { kind: 'starting' }
  /** One generation, kept up to date (or failed). */
  | { kind: 'serving'; serving: LiveServing | FailedServing }
  /** The next generation builds beside the serving one (which may be frozen); the switch makes it the serving one. */
  | { kind: 'rebuilding'; serving: Serving; rebuild: Rebuild };

export type RunningState = Extract<SlotState, { kind: 'serving' | 'rebuilding' }>;

// Transitions. Workers report back asynchronously, so each names the worker it is about and
// leaves the state as it is when that worker is no longer part of it.

/** The serving worker stopped on an event. */
export function servingFailed(state: RunningState, worker: GenerationWorker, failure: ProjectionFailure): RunningState {
  const { serving } = state;
  if (serving.kind !== 'live' || serving.worker !== worker) return state;
  return withServing(state, { kind: 'failed', generation: serving.generation, worker, failure });
}

/** A new worker follows the serving generation in place of the one that failed. */
export function servingRetried(state: RunningState, failed: FailedServing, live: LiveServing): RunningState {
  return state.serving === failed && !isSwitching(state) ? withServing(state, live) : state;
}

/** A rebuild starts beside the serving generation, or a failed one resumes. */
export function rebuildStarted(state: RunningState, building: BuildingRebuild): RunningState {
  if (state.kind === 'rebuilding' && state.rebuild.kind !== 'failed') return state;
  return { kind: 'rebuilding', serving: state.serving, rebuild: building };
}

/** The rebuild caught up with the head; from here on nothing but the switch replaces the serving part. */
export function rebuildSwitching(state: RunningState, worker: GenerationWorker): RunningState {
  if (state.kind !== 'rebuilding' || state.rebuild.kind !== 'building' || state.rebuild.worker !== worker) return state;
  return { ...state, rebuild: { kind: 'switching', worker, outcome: state.rebuild.outcome } };
}

/** The aliases name the rebuilt generation, now followed by its own worker. */
export function switched(state: RunningState, live: LiveServing): RunningState {
  if (state.kind !== 'rebuilding' || state.rebuild.worker !== live.worker) return state;
  return { kind: 'serving', serving: live };
}

/**
 * The rebuild stopped on an event. During a switch the serving worker has been stopped already,
 * so the serving generation is frozen where it stopped until a retry completes the switch.
 */
export function rebuildFailed(state: RunningState, worker: GenerationWorker, failure: ProjectionFailure): RunningState {
  if (state.kind !== 'rebuilding' || state.rebuild.kind === 'failed' || state.rebuild.worker !== worker) return state;
  const { serving, rebuild } = state;
  const frozen = rebuild.kind === 'switching' && serving.kind === 'live';
  return {
    kind: 'rebuilding',
    serving: frozen ? { kind: 'frozen', generation: serving.generation, position: serving.worker.position } : serving,
    rebuild: { kind: 'failed', worker, failure },
  };
}

// Views.

/** What retry() restarts: each failed part (a failed serving worker only if no switch is replacing it). */
export function retryable(state: SlotState): { serving: FailedServing | null; rebuild: FailedRebuild | null } {
  if (state.kind !== 'serving' && state.kind !== 'rebuilding') return { serving: null, rebuild: null };
  return {
    serving: state.serving.kind === 'failed' && !isSwitching(state) ? state.serving : null,
    rebuild: state.kind === 'rebuilding' && state.rebuild.kind === 'failed' ? state.rebuild : null,
  };
}

/** The running state, or the one a stopped slot remembers. */
export function lastRunning(state: SlotState): RunningState | null {
  if (state.kind === 'stopped') return state.was;
  return state.kind === 'starting' ? null : state;
}

/** Why the served documents will not move until someone acts (null: they will). */
export function stalledBy(state: SlotState): { state: 'stopped' | 'failed'; reason?: string } | null {
  if (state.kind === 'stopped') return { state: 'stopped' };
  if (state.kind === 'starting') return null;
  if (state.serving.kind === 'failed') return { state: 'failed', reason: state.serving.failure.reason };
  if (state.kind === 'rebuilding' && state.serving.kind === 'frozen' && state.rebuild.kind === 'failed') {
    return { state: 'failed', reason: state.rebuild.failure.reason };
  }
  return null;
}

/** Checkpoint of the serving generation (null: nothing committed yet). */
export function servingPositionOf(state: RunningState | null): bigint | null {
  if (!state) return null;
  return state.serving.kind === 'frozen' ? state.serving.position : state.serving.worker.position;
}

/** The workers a running state has going, and what to await once they are asked to stop. */
export function runningParts(state: RunningState | null): { workers: GenerationWorker[]; done: Promise<unknown>[] } {
  const parts = { workers: [] as GenerationWorker[], done: [] as Promise<unknown>[] };
  if (state?.serving.kind === 'live') {
    parts.workers.push(state.serving.worker);
    parts.done.push(state.serving.task);
  }
  if (state?.kind === 'rebuilding' && state.rebuild.kind !== 'failed') {
    parts.workers.push(state.rebuild.worker);
    parts.done.push(state.rebuild.outcome);
  }
  return parts;
}

function withServing(state: RunningState, serving: LiveServing | FailedServing): RunningState {
  return state.kind === 'serving' ? { kind: 'serving', serving } : { ...state, serving };
}

function isSwitching(state: RunningState): boolean {
  return state.kind === 'rebuilding' && state.rebuild.kind === 'switching';
}
