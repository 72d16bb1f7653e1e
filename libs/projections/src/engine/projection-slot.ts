import type { EventStore } from '@channel-ledger/event-store';
import type { ReadStore } from '@channel-ledger/read-store';
import { checkpointName, Generation, generationSuffix, nextGeneration, sameGeneration } from './generation';
import { GenerationAliases } from './generation-aliases';
import { BatchSizes, GenerationWorker } from './generation-worker';
import type { ProjectionLogger } from './logger';
import type { Projection } from './projection';
import * as transition from './slot-state';
import {
  BuildingRebuild,
  lastRunning,
  LiveServing,
  retryable,
  runningParts,
  RunningState,
  servingPositionOf,
  SlotState,
  stalledBy,
} from './slot-state';
import { failureFrom, ProjectionFailure, ProjectionStatus, RebuildOutcome, slotStatus } from './status';

export interface SlotContext {
  eventStore: EventStore;
  readStore: ReadStore;
  sizes: BatchSizes;
  logger: ProjectionLogger;
  /** Something changed (a commit, a failure, a stop): wakes waitUntilCaughtUp. */
  notify: () => void;
}

/**
 * Everything the runner does for one projection: which generation serves reads, the worker
 * keeping it up to date, an optional rebuild into the next generation, and their failures. The
 * lifecycle is one SlotState (slot-state.ts, with its transitions); this class runs the workers
 * and moves the aliases. A failure stays inside the slot, so other projections go on.
 */
export class ProjectionSlot {
  private state: SlotState = { kind: 'stopped', was: null };
  private readonly aliases: GenerationAliases;

  constructor(
    readonly projection: Projection,
    private readonly ctx: SlotContext,
  ) {
    this.aliases = new GenerationAliases(projection, ctx.readStore, ctx.logger);
  }

  /** Why the served documents will not move until someone acts (null: they will). */
  get stalled(): { state: 'stopped' | 'failed'; reason?: string } | null {
    return stalledBy(this.state);
  }

  /** Checkpoint of the generation readers see. */
  get servingPosition(): bigint | null {
    return servingPositionOf(lastRunning(this.state));
  }

  /**
   * Finds the serving generation from the aliases (repairing a switch a crash interrupted), drops
   * any other generation, then keeps the serving one up to date, or freezes it and builds the
   * code's version blue/green when it is of another version or incomplete.
   */
  async start(): Promise<void> {
    if (this.state.kind !== 'stopped') throw new Error(`Projection "${this.projection.name}" was already started`);
    const starting: SlotState = { kind: 'starting' };
    this.state = starting;
    const { generation: serving, complete } = await this.aliases.serving();
    await this.aliases.dropAllBut(serving);
    const version = this.projection.version;
    if (serving === null) {
      const worker = await this.open({ version, rebuild: 0 }, true);
      await this.aliases.pointAt(worker.generation);
      this.leave(starting, () => ({ kind: 'serving', serving: this.follow(worker) }));
    } else if (serving.version === version && complete) {
      const worker = await this.open(serving, false);
      this.leave(starting, () => ({ kind: 'serving', serving: this.follow(worker) }));
    } else {
      const stored = await this.ctx.readStore.getCheckpoint(checkpointName(this.projection.name, serving));
      this.ctx.logger.log(
        `projection ${this.projection.name}: serving ${generationSuffix(serving)}, code is v${version}; rebuilding blue/green`,
      );
      this.leave(starting, () => ({
        kind: 'rebuilding',
        serving: { kind: 'frozen', generation: serving, position: stored === null ? null : BigInt(stored) },
        rebuild: this.build(nextGeneration(serving, version), true),
      }));
    }
  }

  async stop(): Promise<void> {
    const was = lastRunning(this.state);
    this.state = { kind: 'stopped', was };
    const { workers, done } = runningParts(was);
    await Promise.all(workers.map((worker) => worker.stop()));
    await Promise.all(done);
    // A switch under way when stopped still lands: wait for the (stopped) worker of the new generation.
    await Promise.all(runningParts(lastRunning(this.state)).done);
    this.ctx.notify();
  }

  /** Starts (or joins) a rebuild of the current version into a new generation. */
  rebuild(): Promise<RebuildOutcome> {
    const state = this.state;
    if (state.kind === 'stopped' || state.kind === 'starting') throw new Error(`Projection "${this.projection.name}" is not running`);
    if (state.kind === 'rebuilding') return state.rebuild.kind === 'failed' ? Promise.resolve('failed') : state.rebuild.outcome;
    const building = this.build(nextGeneration(state.serving.generation, this.projection.version), true);
    this.update((current) => transition.rebuildStarted(current, building));
    return building.outcome;
  }

  /** Restarts what failed (the serving worker, the rebuild, or both) from its checkpoint; the failed batch was never committed. */
  async retry(): Promise<void> {
    const failed = retryable(this.state);
    if (!failed.serving && !failed.rebuild) return;
    const worker = failed.serving ? await this.open(failed.serving.generation, false) : null;
    // Nothing waits from here on: the state checked is the state changed.
    const now = retryable(this.state);
    const serving = worker && now.serving === failed.serving ? this.follow(worker) : null;
    const rebuild = failed.rebuild && now.rebuild === failed.rebuild ? this.build(failed.rebuild.worker.generation, false) : null;
    this.update((state) => {
      const next = serving && failed.serving ? transition.servingRetried(state, failed.serving, serving) : state;
      return rebuild ? transition.rebuildStarted(next, rebuild) : next;
    });
  }

  async status(head: bigint | null): Promise<ProjectionStatus> {
    return slotStatus(this.projection, this.state, head);
  }

  /** The one change of a running state (or of the one a stopped slot remembers, for a switch landing after the stop). */
  private update(change: (state: RunningState) => RunningState): void {
    const state = this.state;
    if (state.kind === 'serving' || state.kind === 'rebuilding') this.state = change(state);
    else if (state.kind === 'stopped' && state.was) this.state = { kind: 'stopped', was: change(state.was) };
    this.ctx.notify();
  }

  /** Leaves 'starting' for the state `next` builds (and only then: it starts workers), unless stopped meanwhile. */
  private leave(starting: SlotState, next: () => RunningState): void {
    if (this.state !== starting) return;
    this.state = next();
    this.ctx.notify();
  }

  private newWorker(generation: Generation): GenerationWorker {
    return new GenerationWorker({
      eventStore: this.ctx.eventStore,
      readStore: this.ctx.readStore,
      projection: this.projection,
      generation,
      sizes: this.ctx.sizes,
      onCommit: this.ctx.notify,
    });
  }

  /** A worker for `generation` with its collections declared and its checkpoint loaded (`fresh`: forgotten). */
  private async open(generation: Generation, fresh: boolean): Promise<GenerationWorker> {
    const worker = this.newWorker(generation);
    await worker.open(fresh);
    return worker;
  }

  /** Runs an opened worker on the serving generation: catch-up, then the live subscription. */
  private follow(worker: GenerationWorker): LiveServing {
    const task = (async () => {
      try {
        if (await worker.catchUp()) await worker.follow();
      } catch (error) {
        const failure = this.failure('live', error, worker);
        this.update((state) => transition.servingFailed(state, worker, failure));
      } finally {
        worker.phase = 'idle';
        this.ctx.notify();
      }
    })();
    return { kind: 'live', generation: worker.generation, worker, task };
  }

  /** Builds `generation` beside the serving one and switches the aliases to it once caught up. */
  private build(generation: Generation, fresh: boolean): BuildingRebuild {
    const worker = this.newWorker(generation);
    return { kind: 'building', worker, outcome: this.runRebuild(worker, fresh) };
  }

  private async runRebuild(worker: GenerationWorker, fresh: boolean): Promise<RebuildOutcome> {
    try {
      await worker.open(fresh);
      if (!(await worker.catchUp())) return 'stopped';
      this.update((state) => transition.rebuildSwitching(state, worker));
      // Caught up with the head: stop the serving worker (it commits its batch), then bring the new
      // generation to at least its position, so a reader never sees the documents go back in time.
      const old = lastRunning(this.state)?.serving;
      if (old?.kind === 'live') {
        await old.worker.stop();
        await old.task;
      }
      if (!(await worker.catchUp())) return 'stopped';
      await this.aliases.pointAt(worker.generation);
      const live = this.follow(worker);
      this.update((state) => transition.switched(state, live));
      this.ctx.logger.log(`projection ${this.projection.name}: switched to ${generationSuffix(worker.generation)}`);
      if (old && !sameGeneration(old.generation, worker.generation)) await this.aliases.drop(old.generation);
      return 'switched';
    } catch (error) {
      const failure = this.failure('rebuild', error, worker);
      this.update((state) => transition.rebuildFailed(state, worker, failure));
      return 'failed';
    }
  }

  private failure(during: ProjectionFailure['during'], error: unknown, worker: GenerationWorker): ProjectionFailure {
    const failure = failureFrom(during, error, worker.position);
    this.ctx.logger.error(
      `projection ${this.projection.name} failed (${during}) at position ${failure.position}` +
        `${failure.eventType ? ` on ${failure.eventType}` : ''}: ${failure.reason}`,
    );
    return failure;
  }
}
