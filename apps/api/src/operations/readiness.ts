import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig } from '@channel-ledger/application';
import { EventStore } from '@channel-ledger/event-store';
import { ReadStore } from '@channel-ledger/read-store';
import { APP_CONFIG, EVENT_STORE } from '../infrastructure/infrastructure.module';
import { READ_STORE } from '../infrastructure/read-store.provider';
import { GracefulShutdown } from './graceful-shutdown';
import { InstrumentedEventStore } from './instrumented-event-store';
import { ProjectionObserver } from './projection-observer';

/** A store that does not answer within this long is not reachable, as far as readiness goes. */
export const STORE_CHECK_TIMEOUT_MS = 3_000;

/**
 * What `GET /health/ready` checks, each as a terminus indicator (up or down, with details):
 * - `eventStore`: the event store answers (its head position), and on EventStoreDB no live
 *   subscription has stopped for good (drops being retried are shown, not failed);
 * - `readStore`: the read store answers;
 * - `projections`: none failed or stopped (where they run in this process), and none further
 *   behind than CHANNEL_LEDGER_READY_MAX_LAG_SECONDS (age of its oldest unapplied event);
 * - `shutdown`: the process is not draining for a shutdown.
 */
@Injectable()
export class ReadinessIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly observer: ProjectionObserver,
    private readonly shutdown: GracefulShutdown,
  ) {}

  all(): (() => Promise<HealthIndicatorResult>)[] {
    return [() => this.shutdownState(), () => this.eventStoreReachable(), () => this.readStoreReachable(), () => this.projections()];
  }

  async shutdownState(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('shutdown');
    return this.shutdown.draining ? check.down({ message: 'shutting down: finishing in-flight requests' }) : check.up();
  }

  async eventStoreReachable(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('eventStore');
    const kind = this.config.eventStore.kind;
    try {
      const head = await within(this.eventStore.headPosition(), STORE_CHECK_TIMEOUT_MS, 'the event store');
      const esdb = this.eventStore instanceof InstrumentedEventStore ? this.eventStore.eventStoreDb : null;
      const subscriptions = esdb?.subscriptionHealth();
      if (subscriptions?.stopped)
        return check.down({ kind, message: `a live subscription stopped: ${subscriptions.stopped.reason}`, subscriptions });
      return check.up({ kind, headPosition: (head ?? 0n).toString(), ...(subscriptions && { subscriptions }) });
    } catch (error) {
      return check.down({ kind, message: messageOf(error) });
    }
  }

  async readStoreReachable(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('readStore');
    const kind = this.config.readStore.kind;
    try {
      await within(this.readStore.listAliases(), STORE_CHECK_TIMEOUT_MS, 'the read store');
      return check.up({ kind });
    } catch (error) {
      return check.down({ kind, message: messageOf(error) });
    }
  }

  async projections(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('projections');
    const maxLagSeconds = this.config.operations.readyMaxLagSeconds;
    try {
      const snapshot = await within(this.observer.observe(), STORE_CHECK_TIMEOUT_MS, 'the projection status');
      const problems = snapshot.projections.flatMap((p) => {
        if (p.state === 'failed') return [`${p.name} failed: ${p.failure ?? 'see GET /projections'}`];
        if (p.state === 'stopped') return [`${p.name} is stopped`];
        if (p.lagSeconds > maxLagSeconds) return [`${p.name} is ${Math.round(p.lagSeconds)} s behind (bound ${maxLagSeconds} s)`];
        return [];
      });
      const details = {
        runsInThisProcess: snapshot.runsInThisProcess,
        maxLagSeconds,
        projections: snapshot.projections.map(({ name, state, lag, lagSeconds }) => ({
          name,
          state,
          lag,
          lagSeconds: Math.round(lagSeconds * 1000) / 1000,
        })),
      };
      return problems.length > 0 ? check.down({ message: problems.join('; '), ...details }) : check.up(details);
    } catch (error) {
      return check.down({ message: messageOf(error) });
    }
  }
}

export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
