import { describeError, ProjectionEventError } from './errors';
import { generationSuffix } from './generation';
import type { Projection } from './projection';
import { lastRunning, RunningState, servingPositionOf, SlotState } from './slot-state';

/**
 * How a projection slot's state (slot-state.ts) reads from outside:
 * - catching-up: reading the log from its checkpoint towards the head (start-up, retry);
 * - live: following the subscription, committing as events arrive;
 * - rebuilding: a new generation is being built from position 0 while the current one serves;
 * - failed: the serving worker or the rebuild stopped on an event it could not handle (see
 *   `failure`), until retry(name);
 * - stopped: the runner is not running.
 */
export type ProjectionState = 'catching-up' | 'live' | 'rebuilding' | 'failed' | 'stopped';

export interface ProjectionFailure {
  /** Position of the event that failed (decimal string); the checkpoint is just before it. */
  position: string;
  /** Its type; null when the failure is not tied to one event (e.g. the store was unreachable). */
  eventType: string | null;
  reason: string;
  /** ISO-8601 UTC. */
  at: string;
  /** Which build failed: the serving one, or the one being rebuilt. */
  during: 'live' | 'rebuild';
}

export interface RebuildProgress {
  /** Checkpoint of the generation being built (decimal string, "0" before the first commit). */
  position: string;
  /** Head of the log when the status was taken. */
  head: string;
  /** Events committed into the new generation so far. */
  eventsApplied: number;
  /** Physical suffix of the new generation, e.g. `v3` or `v2_r1`. */
  generation: string;
}

export interface ProjectionStatus {
  name: string;
  /** The version in code (the one being built while a version change is rebuilding). */
  version: number;
  state: ProjectionState;
  /** Checkpoint of the generation that serves reads (decimal string; "0" = nothing processed yet). */
  position: string;
  /** Last position of the log ("0" for an empty log). */
  headPosition: string;
  /**
   * headPosition − position, in log positions (decimal string, never negative). With the SQLite
   * store positions are consecutive, so this is the number of events not yet reflected in the
   * served documents. EventStoreDB positions are transaction-log offsets, so there it means
   * "0 = caught up, otherwise behind by this distance", not an event count.
   */
  lag: string;
  /** Physical suffix of the serving generation (`v2`, `v2_r1`), null before the first build. */
  servingGeneration: string | null;
  failure?: ProjectionFailure;
  rebuild?: RebuildProgress;
}

export type RebuildOutcome = 'switched' | 'stopped' | 'failed';

export function slotStatus(projection: Projection, state: SlotState, head: bigint | null): ProjectionStatus {
  const running = lastRunning(state);
  const position = servingPositionOf(running);
  const status: ProjectionStatus = {
    name: projection.name,
    version: projection.version,
    state: projectionState(state),
    position: (position ?? 0n).toString(),
    headPosition: (head ?? 0n).toString(),
    lag: lagOf(head, position).toString(),
    servingGeneration: running ? generationSuffix(running.serving.generation) : null,
  };
  const failure = failureOf(running);
  if (failure) status.failure = { ...failure };
  if (running?.kind === 'rebuilding') {
    const { worker } = running.rebuild;
    status.rebuild = {
      position: (worker.position ?? 0n).toString(),
      head: (head ?? 0n).toString(),
      eventsApplied: worker.eventsApplied,
      generation: generationSuffix(worker.generation),
    };
  }
  return status;
}

/** `position`: the worker's checkpoint, for a failure not tied to one event. */
export function failureFrom(during: ProjectionFailure['during'], error: unknown, position: bigint | null): ProjectionFailure {
  const event = error instanceof ProjectionEventError ? error : null;
  return {
    position: (event?.position ?? position ?? 0n).toString(),
    eventType: event?.eventType ?? null,
    reason: event?.reason ?? describeError(error),
    at: new Date().toISOString(),
    during,
  };
}

function projectionState(state: SlotState): ProjectionState {
  if (state.kind === 'stopped') return 'stopped';
  if (state.kind === 'starting') return 'catching-up';
  if (failureOf(state)) return 'failed';
  if (state.kind === 'rebuilding') return 'rebuilding';
  return state.serving.kind === 'live' && state.serving.worker.phase === 'live' ? 'live' : 'catching-up';
}

/** The failure status shows: the serving one first, as it is the one holding readers back. */
function failureOf(state: RunningState | null): ProjectionFailure | null {
  if (state?.serving.kind === 'failed') return state.serving.failure;
  return state?.kind === 'rebuilding' && state.rebuild.kind === 'failed' ? state.rebuild.failure : null;
}

export function lagOf(head: bigint | null, position: bigint | null): bigint {
  const lag = (head ?? 0n) - (position ?? 0n);
  return lag > 0n ? lag : 0n;
}
