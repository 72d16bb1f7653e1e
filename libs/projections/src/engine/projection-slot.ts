import type { EventStore } from '@channel-ledger/event-store';
import type { ReadStore } from '@channel-ledger/read-store';
import { describeError, ProjectionEventError } from './errors';
import {
  checkpointName,
  Generation,
  generationSuffix,
  parsePhysicalCollectionName,
  physicalCollectionName,
  sameGeneration,
} from './generation';
import { BatchSizes, GenerationWorker } from './generation-worker';
import type { ProjectionLogger } from './logger';
import type { Projection } from './projection';
import type { SharedLogPages } from './shared-log-pages';
import { lagOf, ProjectionFailure, ProjectionState, ProjectionStatus, RebuildOutcome } from './status';

export interface SlotContext {
  eventStore: EventStore;
  pages: SharedLogPages;
  readStore: ReadStore;
  sizes: BatchSizes;
  logger: ProjectionLogger;
  /** Something changed (a commit, a failure, a stop): wakes waitUntilCaughtUp. */
  notify: () => void;
}

interface RebuildTask {
  worker: GenerationWorker;
  outcome: Promise<RebuildOutcome>;
}

/**
 * Everything the runner does for one projection: which generation serves reads, the worker
 * keeping it up to date, an optional rebuild into the next generation, and the failure, if any.
 * A failure stays inside the slot, so other projections go on.
 */
export class ProjectionSlot {
  private running = false;
  /** The generation the logical names (aliases) point at; null before the first build. */
  private servingGeneration: Generation | null = null;
  /** Keeps the serving generation up to date; null while an older version is frozen for a rebuild. */
  private live: GenerationWorker | null = null;
  private liveTask: Promise<void> | null = null;
  /** Checkpoint of a serving generation nothing updates (its version is no longer in code). */
  private frozenPosition: bigint | null = null;
  private rebuildTask: RebuildTask | null = null;
  private failure: ProjectionFailure | null = null;

  constructor(
    readonly projection: Projection,
    private readonly ctx: SlotContext,
  ) {}

  get state(): ProjectionState {
    if (!this.running) return 'stopped';
    if (this.failure) return 'failed';
    if (this.rebuildTask) return 'rebuilding';
    return this.live?.phase === 'live' ? 'live' : 'catching-up';
  }

  /**
   * Why the served documents will not move until someone acts (null: they will). A failed
   * rebuild does not stall them while the serving generation still has its own worker.
   */
  get stalled(): { state: 'stopped' | 'failed'; reason?: string } | null {
    if (!this.running) return { state: 'stopped' };
    if (this.failure && (this.failure.during === 'live' || this.live === null)) return { state: 'failed', reason: this.failure.reason };
    return null;
  }

  /** Checkpoint of the generation readers see. */
  get servingPosition(): bigint | null {
    return this.live ? this.live.position : this.frozenPosition;
  }

  /**
   * Finds the serving generation from the aliases (repairing a switch a crash interrupted), drops
   * any other generation, then keeps the serving one up to date, or builds the code's version
   * blue/green when the serving one is of another version or incomplete.
   */
  async start(): Promise<void> {
    this.running = true;
    const { generation: serving, complete } = await this.discoverServingGeneration();
    const version = this.projection.version;
    if (serving === null) {
      await this.startLive({ version, rebuild: 0 }, { fresh: true, setAliases: true });
    } else if (serving.version === version && complete) {
      this.servingGeneration = serving;
      await this.startLive(serving, { fresh: false, setAliases: false });
    } else {
      this.servingGeneration = serving;
      const stored = await this.ctx.readStore.getCheckpoint(checkpointName(this.projection.name, serving));
      this.frozenPosition = stored === null ? null : BigInt(stored);
      this.ctx.logger.log(
        `projection ${this.projection.name}: serving ${generationSuffix(serving)}, code is v${version}; rebuilding blue/green`,
      );
      this.startRebuild(serving.version === version ? { version, rebuild: serving.rebuild + 1 } : { version, rebuild: 0 }, true);
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all([this.live?.stop(), this.rebuildTask?.worker.stop()]);
    await Promise.all([this.liveTask, this.rebuildTask?.outcome]);
    await this.liveTask; // a rebuild that was switching when stopped may have started a new one
    this.ctx.notify();
  }

  /** Starts (or joins) a rebuild of the current version into a new generation. */
  rebuild(): Promise<RebuildOutcome> {
    if (!this.running) throw new Error(`Projection "${this.projection.name}" is not running`);
    if (this.rebuildTask) return this.rebuildTask.outcome;
    const serving = this.servingGeneration;
    const next =
      serving && serving.version === this.projection.version
        ? { version: serving.version, rebuild: serving.rebuild + 1 }
        : { version: this.projection.version, rebuild: 0 };
    return this.startRebuild(next, true);
  }

  /** Restarts what failed from its checkpoint (the failed batch was never committed). */
  async retry(): Promise<void> {
    const failure = this.failure;
    if (!failure || !this.running) return;
    this.failure = null;
    this.ctx.notify();
    if (failure.during === 'rebuild' && this.rebuildTask) {
      this.startRebuild(this.rebuildTask.worker.generation, false);
    } else if (this.servingGeneration) {
      await this.startLive(this.servingGeneration, { fresh: false, setAliases: false });
    }
  }

  async status(head: bigint | null): Promise<ProjectionStatus> {
    const position = this.servingPosition;
    const status: ProjectionStatus = {
      name: this.projection.name,
      version: this.projection.version,
      state: this.state,
      position: (position ?? 0n).toString(),
      headPosition: (head ?? 0n).toString(),
      lag: lagOf(head, position).toString(),
      servingGeneration: this.servingGeneration ? generationSuffix(this.servingGeneration) : null,
    };
    if (this.failure) status.failure = { ...this.failure };
    if (this.rebuildTask) {
      const worker = this.rebuildTask.worker;
      status.rebuild = {
        position: (worker.position ?? 0n).toString(),
        head: (head ?? 0n).toString(),
        eventsApplied: worker.eventsApplied,
        generation: generationSuffix(worker.generation),
      };
    }
    return status;
  }

  private newWorker(generation: Generation): GenerationWorker {
    return new GenerationWorker({
      eventStore: this.ctx.eventStore,
      pages: this.ctx.pages,
      readStore: this.ctx.readStore,
      projection: this.projection,
      generation,
      sizes: this.ctx.sizes,
      onCommit: this.ctx.notify,
    });
  }

  private async startLive(generation: Generation, options: { fresh: boolean; setAliases: boolean }): Promise<void> {
    const worker = this.newWorker(generation);
    await worker.open(options.fresh);
    if (options.setAliases) await this.pointAliasesAt(generation);
    this.servingGeneration = generation;
    this.frozenPosition = null;
    this.runLive(worker);
  }

  private runLive(worker: GenerationWorker): void {
    this.live = worker;
    this.liveTask = (async () => {
      try {
        if (await worker.catchUp()) await worker.follow();
      } catch (error) {
        this.fail('live', error, worker);
      } finally {
        worker.phase = 'idle';
        this.ctx.notify();
      }
    })();
  }

  private startRebuild(generation: Generation, fresh: boolean): Promise<RebuildOutcome> {
    const worker = this.newWorker(generation);
    const outcome = this.runRebuild(worker, fresh);
    this.rebuildTask = { worker, outcome };
    return outcome;
  }

  private async runRebuild(worker: GenerationWorker, fresh: boolean): Promise<RebuildOutcome> {
    try {
      await worker.open(fresh);
      if (!(await worker.catchUp())) return 'stopped';
      // Caught up with the head: stop the serving worker (it commits its batch), then bring the new
      // generation to at least its position, so a reader never sees the documents go back in time.
      if (this.live) {
        await this.live.stop();
        await this.liveTask;
      }
      if (!this.running || !(await worker.catchUp())) return 'stopped';
      const old = this.servingGeneration;
      await this.pointAliasesAt(worker.generation);
      this.servingGeneration = worker.generation;
      this.frozenPosition = null;
      this.rebuildTask = null;
      if (this.failure?.during === 'live') this.failure = null; // the failed generation no longer serves
      this.runLive(worker);
      this.ctx.logger.log(`projection ${this.projection.name}: switched to ${generationSuffix(worker.generation)}`);
      if (old && !sameGeneration(old, worker.generation)) await this.dropGeneration(old);
      return 'switched';
    } catch (error) {
      this.fail('rebuild', error, worker);
      return 'failed';
    } finally {
      this.ctx.notify();
    }
  }

  private fail(during: 'live' | 'rebuild', error: unknown, worker: GenerationWorker): void {
    const event = error instanceof ProjectionEventError ? error : null;
    this.failure = {
      position: (event?.position ?? worker.position ?? 0n).toString(),
      eventType: event?.eventType ?? null,
      reason: event?.reason ?? describeError(error),
      at: new Date().toISOString(),
      during,
    };
    this.ctx.logger.error(
      `projection ${this.projection.name} failed (${during}) at position ${this.failure.position}` +
        `${this.failure.eventType ? ` on ${this.failure.eventType}` : ''}: ${this.failure.reason}`,
    );
  }

  /**
   * One alias per logical collection. Each switch is atomic; the first collection goes last, so it
   * is the commit point discoverServingGeneration relies on after a crash.
   */
  private async pointAliasesAt(generation: Generation): Promise<void> {
    const [first, ...rest] = this.projection.collections;
    for (const collection of [...rest, first]) {
      await this.ctx.readStore.setAlias(collection.name, physicalCollectionName(collection.name, generation));
    }
  }

  private async discoverServingGeneration(): Promise<{ generation: Generation | null; complete: boolean }> {
    const { readStore } = this.ctx;
    const aliases = new Map((await readStore.listAliases()).map((alias) => [alias.logical, alias.physical]));
    const physical = new Set((await readStore.listCollections()).map((collection) => collection.name));
    const first = this.projection.collections[0].name;
    const parsed = aliases.has(first) ? parsePhysicalCollectionName(aliases.get(first)!) : null;
    const serving = parsed && parsed.logical === first ? parsed.generation : null;
    let complete = serving !== null;
    if (serving) {
      for (const collection of this.projection.collections) {
        const name = physicalCollectionName(collection.name, serving);
        if (!physical.has(name)) complete = false;
        else if (aliases.get(collection.name) !== name) await readStore.setAlias(collection.name, name); // crash mid-switch
      }
    }
    const logicalNames = new Set(this.projection.collections.map((collection) => collection.name));
    const leftovers = new Map<string, Generation>();
    for (const name of physical) {
      const candidate = parsePhysicalCollectionName(name);
      if (!candidate || !logicalNames.has(candidate.logical) || sameGeneration(candidate.generation, serving)) continue;
      leftovers.set(generationSuffix(candidate.generation), candidate.generation);
    }
    for (const generation of leftovers.values()) await this.dropGeneration(generation);
    return { generation: serving, complete };
  }

  /** Drops a generation's collections and checkpoint; one still aliased elsewhere is kept and logged. */
  private async dropGeneration(generation: Generation): Promise<void> {
    for (const collection of this.projection.collections) {
      const name = physicalCollectionName(collection.name, generation);
      try {
        await this.ctx.readStore.dropCollection(name);
      } catch (error) {
        this.ctx.logger.error(`projection ${this.projection.name}: could not drop ${name}: ${describeError(error)}`);
      }
    }
    await this.ctx.readStore.deleteCheckpoint(checkpointName(this.projection.name, generation));
  }
}
