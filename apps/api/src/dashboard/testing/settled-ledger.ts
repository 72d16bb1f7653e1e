import { INestApplication } from '@nestjs/common';
import { EventStore } from '@channel-ledger/event-store';
import { ProjectionRunner } from '@channel-ledger/projections';
import { CLOCK, Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/infrastructure.module';
import { PROJECTION_RUNNER } from '../../infrastructure/read-store.provider';
import { PROCESS_MANAGER } from '../../processes/processes.tokens';

/**
 * Holds the ledger still for the dashboard's tests and benchmark. The embedded API runs the
 * time-driven processes (offers lapse, terms end, rights close) against the ledger clock, so a
 * log compared with the read model must not grow meanwhile: the clock is stopped at a chosen
 * instant (tokens, processes and "now" figures all read it), the processes take what is due by
 * then and are stopped, and the projections catch up with the last event.
 */
export class StoppedClock {
  private at: number;

  constructor(app: INestApplication, at: string) {
    this.at = Date.parse(at);
    const clock = app.get<Clock>(CLOCK);
    clock.now = () => new Date(this.at);
  }

  setTo(at: string): void {
    this.at = Date.parse(at);
  }
}

/** Takes every step due at the clock's instant, stops the processes, and waits for the projections. */
export async function settleLedger(app: INestApplication, options: { stopProcesses?: boolean; timeoutMs?: number } = {}): Promise<number> {
  const manager = processManagerOf(app);
  let steps = 0;
  if (manager) {
    for (let taken = await manager.runDue(); taken.length > 0; taken = await manager.runDue()) steps += taken.length;
    if (options.stopProcesses !== false) await manager.stop();
  }
  const store = app.get<EventStore>(EVENT_STORE);
  await app
    .get<ProjectionRunner>(PROJECTION_RUNNER)
    .waitUntilCaughtUp(await store.headPosition(), { timeoutMs: options.timeoutMs ?? 60_000 });
  return steps;
}

type Processes = { runDue(): Promise<unknown[]>; stop(): Promise<void> };

function processManagerOf(app: INestApplication): Processes | null {
  try {
    return app.get<Processes | null>(PROCESS_MANAGER, { strict: false });
  } catch {
    return null; // an application without time-driven processes
  }
}
