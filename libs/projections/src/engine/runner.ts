import type { EventStore } from '@channel-ledger/event-store';
import type { ReadStore } from '@channel-ledger/read-store';
import { CatchUpTimeoutError, ProjectionNotRunningError, UnknownProjectionError } from './errors';
import type { BatchSizes } from './generation-worker';
import { ProjectionLogger, silentLogger } from './logger';
import type { Projection } from './projection';
import { ChangeSignal } from './change-signal';
import { ProjectionSlot } from './projection-slot';
import { SharedReadsEventStore } from './shared-reads';
import type { ProjectionStatus, RebuildOutcome } from './status';

export interface ProjectionRunnerOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  projections: readonly Projection[];
  /** Events per readAll page and commit while catching up or rebuilding (default 500). */
  catchUpBatchSize?: number;
  /** Most events per commit while live (default 100); a quiet log commits after every burst. */
  liveBatchSize?: number;
  /** Most documents one catch-up commit writes (default 150), bounding how long it holds the event loop. */
  maxDocumentsPerCommit?: number;
  logger?: ProjectionLogger;
}

export interface WaitOptions {
  /** Default: every projection. */
  projections?: readonly string[];
  /** Default 30 000 ms; then CatchUpTimeoutError. */
  timeoutMs?: number;
}

export const DEFAULT_CATCH_UP_BATCH_SIZE = 500;
export const DEFAULT_LIVE_BATCH_SIZE = 100;
export const DEFAULT_MAX_DOCUMENTS_PER_COMMIT = 150;

/**
 * Runs every projection against one event store and one read store. Each projection moves on its
 * own (its own checkpoint, worker and failure), so a slow or failing one holds no other back.
 * Run one runner per read store: two runners on the same checkpoints would apply events twice.
 */
export class ProjectionRunner {
  private readonly slots = new Map<string, ProjectionSlot>();
  private readonly eventStore: EventStore;
  private readonly sharedReads: SharedReadsEventStore;
  private readonly changed = new ChangeSignal();
  private started = false;

  constructor(options: ProjectionRunnerOptions) {
    validateProjections(options.projections);
    this.eventStore = options.eventStore;
    const sizes: BatchSizes = {
      catchUpBatchSize: positive(options.catchUpBatchSize ?? DEFAULT_CATCH_UP_BATCH_SIZE, 'catchUpBatchSize'),
      liveBatchSize: positive(options.liveBatchSize ?? DEFAULT_LIVE_BATCH_SIZE, 'liveBatchSize'),
      maxDocumentsPerCommit: positive(options.maxDocumentsPerCommit ?? DEFAULT_MAX_DOCUMENTS_PER_COMMIT, 'maxDocumentsPerCommit'),
    };
    // The workers read through one live subscription and share catch-up pages: each event is read
    // (and decrypted, upcast) once for all of them, not once per projection.
    this.sharedReads = new SharedReadsEventStore(options.eventStore);
    const context = {
      eventStore: this.sharedReads,
      readStore: options.readStore,
      sizes,
      logger: options.logger ?? silentLogger,
      notify: () => this.changed.notify(),
    };
    for (const projection of options.projections) this.slots.set(projection.name, new ProjectionSlot(projection, context));
  }

  get projectionNames(): string[] {
    return [...this.slots.keys()];
  }

  /**
   * Prepares every projection (aliases, leftovers of interrupted rebuilds, version changes) and
   * sets them running in the background; resolves once all are running, not once caught up.
   */
  async start(): Promise<void> {
    if (this.started) throw new Error('ProjectionRunner.start() was already called; create a new runner to restart');
    this.started = true;
    for (const slot of this.slots.values()) await slot.start();
  }

  /** Graceful: each projection commits the batch it is on and stops; its subscription is closed. */
  async stop(): Promise<void> {
    await Promise.all([...this.slots.values()].map((slot) => slot.stop()));
  }

  async status(): Promise<ProjectionStatus[]> {
    const head = await this.eventStore.headPosition();
    return Promise.all([...this.slots.values()].map((slot) => slot.status(head)));
  }

  async projectionStatus(name: string): Promise<ProjectionStatus> {
    return this.slot(name).status(await this.eventStore.headPosition());
  }

  /** Restarts a failed projection from its checkpoint; a no-op for one that has not failed. */
  async retry(name: string): Promise<void> {
    await this.slot(name).retry();
  }

  /**
   * Rebuilds a projection from position 0 into a new generation while the current one keeps
   * serving, then switches its aliases and drops the old generation. Resolves when done; rejects
   * only for an unknown name or a stopped runner, never for a projection failure ('failed',
   * visible in status), so a caller may start it without awaiting. A second call while one runs
   * joins it.
   */
  async rebuild(name: string): Promise<RebuildOutcome> {
    // A rebuild is how the documents catch up with what the log now reads as (after an erasure,
    // a person's fields read "[erased]"): it must not be served pages read before.
    this.sharedReads.forgetPages();
    return this.slot(name).rebuild();
  }

  /**
   * Resolves once the served documents of the projections reflect every event up to `position`
   * (default: the head now) — read-your-writes after a command. Rejects with
   * ProjectionNotRunningError if one of them is failed or stopped, CatchUpTimeoutError after timeoutMs.
   */
  async waitUntilCaughtUp(position?: bigint | string | null, options: WaitOptions = {}): Promise<void> {
    const target = position === undefined || position === null ? await this.eventStore.headPosition() : BigInt(position);
    if (target === null) return;
    const slots = (options.projections ?? this.projectionNames).map((name) => this.slot(name));
    const timeoutMs = options.timeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      for (;;) {
        const waitingFor = this.firstBehind(slots, target);
        if (waitingFor === null) return;
        const changed = this.changed.next;
        if ((await Promise.race([changed, timeout])) === 'timeout') {
          throw new CatchUpTimeoutError(
            `Projection "${waitingFor.projection.name}" did not reach position ${target} within ${timeoutMs} ms ` +
              `(at ${waitingFor.servingPosition ?? 'nothing'})`,
          );
        }
      }
    } finally {
      clearTimeout(timer);
    }
  }

  private firstBehind(slots: ProjectionSlot[], target: bigint): ProjectionSlot | null {
    for (const slot of slots) {
      const position = slot.servingPosition;
      if (position !== null && position >= target) continue;
      const stalled = slot.stalled;
      if (stalled) throw new ProjectionNotRunningError(slot.projection.name, stalled.state, stalled.reason);
      return slot;
    }
    return null;
  }

  private slot(name: string): ProjectionSlot {
    const slot = this.slots.get(name);
    if (!slot) throw new UnknownProjectionError(name);
    return slot;
  }
}

function validateProjections(projections: readonly Projection[]): void {
  const names = new Set<string>();
  const collections = new Map<string, string>();
  for (const projection of projections) {
    if (!projection.name) throw new Error('A projection needs a name');
    if (names.has(projection.name)) throw new Error(`Two projections are named "${projection.name}"`);
    names.add(projection.name);
    if (!Number.isSafeInteger(projection.version) || projection.version < 1) {
      throw new Error(`Projection "${projection.name}": version must be an integer >= 1`);
    }
    if (projection.collections.length === 0) throw new Error(`Projection "${projection.name}" declares no collection`);
    for (const collection of projection.collections) {
      if (!/^[a-z][a-z0-9_]*$/.test(collection.name) || collection.name.includes('__')) {
        throw new Error(`Projection "${projection.name}": collection name "${collection.name}" must match [a-z][a-z0-9_]* without "__"`);
      }
      const owner = collections.get(collection.name);
      if (owner) throw new Error(`Collection "${collection.name}" is declared by both "${owner}" and "${projection.name}"`);
      collections.set(collection.name, projection.name);
    }
  }
}

function positive(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${what} must be a positive integer`);
  return value;
}
