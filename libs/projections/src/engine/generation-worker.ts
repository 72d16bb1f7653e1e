import type { AllSubscription, EventStore, RecordedEvent } from '@channel-ledger/event-store';
import type { ReadStore } from '@channel-ledger/read-store';
import { ProjectionEventError } from './errors';
import { checkpointName, Generation, physicalNames } from './generation';
import { catchUpTurns } from './catch-up-turns';
import { PendingBatch } from './pending-batch';
import type { Projection } from './projection';

export interface BatchSizes {
  /** Events per readAll page while catching up; one commit per page. */
  catchUpBatchSize: number;
  /** Most events per commit while following the live subscription. */
  liveBatchSize: number;
  /**
   * Most documents one catch-up commit writes: a commit holds the event loop (SQLite is
   * synchronous) for as long as it writes, so this bounds what a request waits for during a rebuild.
   */
  maxDocumentsPerCommit: number;
}

export interface GenerationWorkerDeps {
  eventStore: EventStore;
  readStore: ReadStore;
  projection: Projection;
  generation: Generation;
  sizes: BatchSizes;
  /** Called after every successful commit (wakes waitUntilCaughtUp). */
  onCommit: () => void;
}

const TICK = Symbol('tick');

/**
 * Runs one projection into one generation of its collections: catch-up over readAll pages, then
 * the live subscription. Every commit carries the generation's checkpoint with the documents, so
 * whatever happens to the process, the documents reflect exactly the events up to the checkpoint.
 */
export class GenerationWorker {
  /** Committed checkpoint: the documents reflect every event up to here (null: none yet). */
  position: bigint | null = null;
  /** Events committed by this worker since it was created (skipped ones included). */
  eventsApplied = 0;
  phase: 'idle' | 'catching-up' | 'live' = 'idle';
  private stopping = false;
  private subscription: AllSubscription | null = null;
  private readonly collections: Map<string, string>;
  readonly checkpointName: string;

  constructor(private readonly deps: GenerationWorkerDeps) {
    this.collections = physicalNames(deps.projection, deps.generation);
    this.checkpointName = checkpointName(deps.projection.name, deps.generation);
  }

  get generation(): Generation {
    return this.deps.generation;
  }

  get physicalCollections(): string[] {
    return [...this.collections.values()];
  }

  /** Declares the generation's collections and loads its checkpoint; `fresh` forgets any old one first. */
  async open(fresh: boolean): Promise<void> {
    const { readStore, projection } = this.deps;
    for (const collection of projection.collections) {
      await readStore.ensureCollection({ name: this.collections.get(collection.name)!, indexes: collection.indexes });
    }
    if (fresh) await readStore.deleteCheckpoint(this.checkpointName);
    const stored = await readStore.getCheckpoint(this.checkpointName);
    this.position = stored === null ? null : BigInt(stored);
  }

  /**
   * Reads pages from the checkpoint up to the head as it was when called (a bound, so a busy log
   * cannot keep it here forever). Returns false when stopped first.
   */
  async catchUp(): Promise<boolean> {
    this.phase = 'catching-up';
    const target = await this.deps.eventStore.headPosition();
    while (!this.stopping) {
      if (target === null || (this.position !== null && this.position >= target)) return true;
      const page = await this.deps.eventStore.readAll({ after: this.position, limit: this.deps.sizes.catchUpBatchSize });
      let batch = this.newBatch();
      for (const event of page.events) {
        await this.addOrCommitAndThrow(batch, event);
        // The store calls are synchronous (SQLite): without a macrotask now and then, a catch-up
        // or rebuild would hold the event loop for its whole length and the API would not answer.
        if (batch.documentsTouched >= this.deps.sizes.maxDocumentsPerCommit) {
          await this.commit(batch);
          batch = this.newBatch();
          await this.yieldToOthers();
        } else if (catchUpTurns.sliceUsed) await this.yieldToOthers();
      }
      await this.commit(batch);
      await this.yieldToOthers();
      if (page.isEnd || page.events.length === 0) return true;
    }
    return false;
  }

  /**
   * Follows the live subscription until stop(). Events that arrive together are committed
   * together: the batch is committed as soon as the next event is not immediately available
   * (one macrotask), or when it reaches liveBatchSize.
   */
  async follow(): Promise<void> {
    if (this.stopping) return;
    this.phase = 'live';
    const subscription = this.deps.eventStore.subscribeToAll({ after: this.position });
    this.subscription = subscription;
    const iterator = subscription[Symbol.asyncIterator]();
    let batch = this.newBatch();
    let next: Promise<IteratorResult<RecordedEvent>> | null = null;
    try {
      while (!this.stopping) {
        next ??= iterator.next();
        const result = batch.size === 0 ? await next : await Promise.race([next, nextMacrotask()]);
        if (result === TICK) {
          await this.commit(batch);
          batch = this.newBatch();
          continue;
        }
        next = null;
        if (result.done) break;
        await this.addOrCommitAndThrow(batch, result.value);
        if (batch.size >= this.deps.sizes.liveBatchSize) {
          await this.commit(batch);
          batch = this.newBatch();
        }
      }
      // Graceful stop: what was applied is committed, nothing is half-written either way.
      await this.commit(batch);
    } finally {
      this.subscription = null;
      await subscription.close();
    }
  }

  /** Asks catchUp/follow to return after committing their current batch. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.close();
  }

  /** Lets requests, timers and the other projections run (one macrotask). */
  private async yieldToOthers(): Promise<void> {
    await catchUpTurns.yield();
  }

  private newBatch(): PendingBatch {
    return new PendingBatch(this.deps.readStore, this.deps.projection, this.collections);
  }

  /** A failing event still lets the events before it in the batch be committed. */
  private async addOrCommitAndThrow(batch: PendingBatch, event: RecordedEvent): Promise<void> {
    try {
      await batch.add(event);
    } catch (error) {
      await this.commit(batch);
      throw error;
    }
  }

  private async commit(batch: PendingBatch): Promise<void> {
    if (batch.size === 0) return;
    try {
      await this.commitEntries(batch.operations, batch.position!, batch.size);
    } catch (error) {
      if (batch.size === 1) throw new ProjectionEventError(this.deps.projection.name, batch.entries[0].event, error);
      // The store refused the batch as a whole; commit event by event to find the culprit, so the
      // failure names one event and everything before it is kept.
      for (const entry of batch.entries) {
        try {
          await this.commitEntries(entry.operations, entry.event.position, 1);
        } catch (single) {
          throw new ProjectionEventError(this.deps.projection.name, entry.event, single);
        }
      }
    }
  }

  private async commitEntries(operations: PendingBatch['operations'], position: bigint, events: number): Promise<void> {
    await this.deps.readStore.commit({ operations, checkpoint: { projection: this.checkpointName, position: position.toString() } });
    this.position = position;
    this.eventsApplied += events;
    this.deps.onCommit();
  }
}

function nextMacrotask(): Promise<typeof TICK> {
  return new Promise((resolve) => setImmediate(() => resolve(TICK)));
}
