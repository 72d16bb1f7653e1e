import { InvalidConfigurationError, loadConfig, openEventStore, openReadStore } from '@channel-ledger/application';
import { ProjectionRunner, startProjector } from '@channel-ledger/projections';
import type { ProcessManager } from '@channel-ledger/processes';
import { projections } from './projections';
import { startProcesses } from './run-processes';
import { PeriodicSealing, sealPeriodically } from './seal-periodically';

/**
 * The projector as a process of its own: follows the event store (SQLite file or EventStoreDB)
 * and keeps every read model (SQLite file or MongoDB) up to date. Configured like the API.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const eventStore = await openEventStore(config);
  const readStore = await openReadStore(config);
  const where = `${config.eventStore.kind} → ${config.readStore.kind}`;
  // The stores' subscriptions wait on unref'd timers (so they never hold a process open on their
  // own); the projector is this process's purpose, so it holds itself open until told to stop.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  let starting: Promise<ProjectionRunner> | null = null;
  let processes: Promise<ProcessManager> | null = null;
  let sealing: PeriodicSealing | null = null;
  let stopping = false;

  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // A second signal: the operator wants out now. Safe, since every commit is atomic.
      console.error(`[projector] ${signal} again, exiting immediately`);
      process.exit(130);
    }
    stopping = true;
    clearInterval(keepAlive);
    console.log(`[projector] ${signal}: finishing the current batches`);
    // If the signal came during start-up, let start finish, then stop what it started.
    Promise.resolve(processes?.then((manager) => manager.stop()))
      .then(() => starting?.then((runner) => runner.stop()))
      .then(() => sealing?.stop())
      .then(() => Promise.all([readStore.close(), eventStore.close()]))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
  };
  // Registered before starting, so a signal during start-up is graceful too.
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  starting = startProjector({ eventStore, readStore, projections });
  await starting;
  if (!stopping) sealing = await sealPeriodically(config, eventStore, readStore);
  if (!stopping) {
    processes = startProcesses(config, eventStore, readStore);
    await processes;
  }
  if (!stopping) console.log(`[projector] running ${projections.length} projection(s) and the time-driven processes, ${where}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof InvalidConfigurationError ? error.message : error);
  process.exit(1);
});
