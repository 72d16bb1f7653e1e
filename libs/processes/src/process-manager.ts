import type { EventStore } from '@channel-ledger/event-store';
import {
  CatchUpTimeoutError,
  describeError,
  ProjectionLogger,
  ProjectionNotRunningError,
  ProjectionRunner,
  silentLogger,
} from '@channel-ledger/projections';
import type { ReadStore } from '@channel-ledger/read-store';
import { LedgerContext, PaymentProvider } from '@channel-ledger/application';
import { isProcessName, PROCESS_NAMES, ProcessName } from './names';
import { PendingScheduleItem } from './schedule/collections';
import { PROCESS_SCHEDULE_PROJECTION, processScheduleProjection } from './schedule/projection';
import { dueItems, nextScheduled, pendingCount } from './schedule/queries';
import { ProcessFailure, ProcessStatus, ProcessStepRecord } from './status';
import { stepEnvelope, takeStep } from './steps';

export interface ProcessClock {
  now(): Date;
}

export interface ProcessManagerOptions {
  eventStore: EventStore;
  /** Where the schedule (`process_schedule`) and its checkpoint live: the read models' store. */
  readStore: ReadStore;
  /** The command pipeline and context the steps go through (the same as the API's). */
  ledger: LedgerContext;
  payments: PaymentProvider;
  /** The ledger clock: a sandbox test clock in tests and demos, the system clock otherwise. */
  clock: ProcessClock;
  logger?: ProjectionLogger;
  /** How often the schedule is looked at for due items (default 250 ms). */
  pollIntervalMs?: number;
  /** Look at the schedule on a timer (default). False: only when runDue() is called (tests). */
  autoRun?: boolean;
}

/** A step taken, or the failure that stopped its process. */
export type StepResult = ProcessStepRecord & { process: ProcessName; failure?: string };

/**
 * Runs the time-driven processes: a projection (`process-schedule`) follows the log and keeps the
 * schedule of what is due when, with its checkpoint committed together with the schedule; a
 * ticker takes what has fallen due by the ledger clock, earliest first across all processes,
 * through the use cases, with the due time as business time. Because every step's command id is
 * derived from the item and its due time, a step repeated after a crash or by a second instance
 * is answered from the log: each outcome is recorded once.
 *
 * A failing step stops its process alone (the others go on) until retry(name). After downtime,
 * everything that fell due meanwhile is taken in due-time order, each at its own due time.
 */
export class ProcessManager {
  private readonly runner: ProjectionRunner;
  private readonly logger: ProjectionLogger;
  private readonly pollIntervalMs: number;
  private readonly failures = new Map<ProcessName, ProcessFailure>();
  private readonly lastSteps = new Map<ProcessName, ProcessStepRecord>();
  /** Items taken that recorded nothing (their premise was already gone): not taken again this run. */
  private readonly settled = new Set<string>();
  private passes: Promise<unknown> = Promise.resolve();
  private loop: Promise<void> | null = null;
  private running = false;
  private stopping = false;
  private wakeUp: (() => void) | null = null;
  private scheduleProblem: string | null = null;

  constructor(private readonly options: ProcessManagerOptions) {
    this.logger = options.logger ?? silentLogger;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.runner = new ProjectionRunner({
      eventStore: options.eventStore,
      readStore: options.readStore,
      projections: [processScheduleProjection],
      logger: this.logger,
    });
  }

  get names(): readonly ProcessName[] {
    return PROCESS_NAMES;
  }

  /** Starts following the log (the schedule), and the ticker unless autoRun is false. */
  async start(): Promise<void> {
    if (this.running) throw new Error('ProcessManager.start() was already called');
    this.running = true;
    await this.runner.start();
    if (this.options.autoRun !== false) this.loop = this.tick();
  }

  /** Finishes the step it is on, then stops (the schedule commits its batch). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.stopping = true;
    this.wakeUp?.();
    await this.loop;
    await this.passes.catch(() => undefined);
    await this.runner.stop();
    this.running = false;
  }

  /**
   * Takes every step due by the clock now, earliest first, once the schedule has caught up with
   * the log; resolves with what it did. Passes never overlap (the ticker's and a caller's queue).
   */
  runDue(): Promise<StepResult[]> {
    const pass = this.passes.then(() => this.pass(this.options.clock.now()));
    this.passes = pass.catch(() => undefined);
    return pass;
  }

  /** Clears a process's failure; its failed step is tried again (same command id) on the next pass. */
  async retry(name: string): Promise<void> {
    if (!isProcessName(name)) throw new Error(`Unknown process "${name}"; known: ${PROCESS_NAMES.join(', ')}`);
    this.failures.delete(name);
    if ((await this.runner.projectionStatus(PROCESS_SCHEDULE_PROJECTION)).state === 'failed')
      await this.runner.retry(PROCESS_SCHEDULE_PROJECTION);
    this.wakeUp?.();
  }

  async status(): Promise<ProcessStatus[]> {
    const schedule = await this.runner.projectionStatus(PROCESS_SCHEDULE_PROJECTION);
    const scheduleLive = schedule.state === 'live' || schedule.state === 'catching-up';
    return Promise.all(
      PROCESS_NAMES.map(async (name) => {
        const [next, pending] = await Promise.all([
          nextScheduled(this.options.readStore, name).catch(() => null),
          pendingCount(this.options.readStore, name).catch(() => 0),
        ]);
        const failure = this.failures.get(name);
        const status: ProcessStatus = {
          name,
          state: !this.running || schedule.state === 'stopped' ? 'stopped' : failure ? 'failed' : scheduleLive ? 'running' : 'stalled',
          position: schedule.position,
          headPosition: schedule.headPosition,
          lag: schedule.lag,
          nextDueAt: next?.dueAt ?? null,
          pending,
          lastStep: this.lastSteps.get(name) ?? null,
        };
        if (failure) status.failure = { ...failure };
        if (!scheduleLive)
          status.schedule = schedule.failure ? { state: schedule.state, failure: schedule.failure } : { state: schedule.state };
        return status;
      }),
    );
  }

  private async pass(now: Date): Promise<StepResult[]> {
    const nowIso = now.toISOString();
    const results: StepResult[] = [];
    while (!this.stopping && this.running) {
      if (!(await this.scheduleCaughtUp())) break;
      const item = await this.nextDue(nowIso);
      if (!item) break;
      results.push(await this.take(item));
    }
    return results;
  }

  /**
   * Waits until the schedule reflects the whole log as it is now, so nothing due is missed and a
   * step's own outcome has moved or settled its item before the next one is picked. Another
   * instance committing the same schedule further ahead makes this one's commit a checkpoint
   * regression: it then continues from that checkpoint (the documents are the same either way).
   */
  private async scheduleCaughtUp(): Promise<boolean> {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await this.runner.waitUntilCaughtUp(undefined, { projections: [PROCESS_SCHEDULE_PROJECTION], timeoutMs: 30_000 });
        this.scheduleProblem = null;
        return true;
      } catch (error) {
        if (error instanceof CatchUpTimeoutError) return false;
        if (!(error instanceof ProjectionNotRunningError)) throw error;
        const status = await this.runner.projectionStatus(PROCESS_SCHEDULE_PROJECTION);
        if (status.state !== 'failed' || !/CheckpointRegressionError/.test(status.failure?.reason ?? '')) {
          const problem = `process schedule is ${status.state}${status.failure ? `: ${status.failure.reason}` : ''}; nothing is acted on until it runs`;
          if (problem !== this.scheduleProblem) this.logger.error(problem); // once, not at every look
          this.scheduleProblem = problem;
          return false;
        }
        this.logger.log(`process schedule: another instance is ahead (${status.failure!.reason}); continuing from its checkpoint`);
        await this.runner.retry(PROCESS_SCHEDULE_PROJECTION);
      }
    }
    return false;
  }

  /** The earliest due item of every process that has not failed, skipping items already found moot. */
  private async nextDue(now: string): Promise<PendingScheduleItem | null> {
    let best: PendingScheduleItem | null = null;
    for (const name of PROCESS_NAMES) {
      if (this.failures.has(name)) continue;
      for await (const item of dueItems(this.options.readStore, name, now)) {
        if (this.settled.has(settledKey(item))) continue;
        if (!best || item.dueAt < best.dueAt || (item.dueAt === best.dueAt && item.id < best.id)) best = item;
        break;
      }
    }
    return best;
  }

  private async take(item: PendingScheduleItem): Promise<StepResult> {
    const { commandId } = stepEnvelope(item);
    const base = { itemId: item.id, step: item.step, dueAt: item.dueAt, commandId };
    try {
      const outcome = await takeStep(item, { ledger: this.options.ledger, payments: this.options.payments });
      const record: ProcessStepRecord = {
        ...base,
        events: outcome.events.map((e) => e.type),
        appended: outcome.appended,
        at: new Date().toISOString(),
      };
      this.lastSteps.set(item.process, record);
      if (outcome.events.length === 0) this.settled.add(settledKey(item));
      if (outcome.appended) {
        this.logger.log(`process ${item.process}: ${item.step} due ${item.dueAt} recorded ${record.events.join(', ')}`);
      }
      return { ...record, process: item.process };
    } catch (error) {
      const reason = describeError(error);
      const failure: ProcessFailure = {
        itemId: item.id,
        step: item.step,
        dueAt: item.dueAt,
        commandId,
        reason,
        at: new Date().toISOString(),
      };
      this.failures.set(item.process, failure);
      this.logger.error(`process ${item.process} stopped on ${item.step} (${item.id}) due ${item.dueAt}: ${reason}`);
      return { ...base, process: item.process, events: [], appended: false, at: failure.at, failure: reason };
    }
  }

  private async tick(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.runDue();
      } catch (error) {
        this.logger.error(`processes: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!this.stopping) await this.pause();
    }
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      // Never what keeps a process alive: the HTTP server or the projector decides that.
      timer.unref();
      this.wakeUp = done;
    });
  }
}

function settledKey(item: PendingScheduleItem): string {
  return `${item.id}|${item.triggerEventId}|${item.dueAt}`;
}
