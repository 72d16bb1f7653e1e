import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openSqliteEventStore } from '@channel-ledger/event-store';
import { ProjectionRunner, startProjector } from '@channel-ledger/projections';
import { openSqliteReadStore } from '@channel-ledger/read-store';
import { projections } from './projections';

const DEFAULT_DATA_FILE = 'data/channel-ledger.sqlite';

/**
 * The projector as a process of its own: follows the event store and keeps every read model up to
 * date. For now the embedded SQLite file; EventStoreDB/MongoDB configuration comes with the API's.
 */
async function main(): Promise<void> {
  const file = process.env.CHANNEL_LEDGER_SQLITE_PATH?.trim() || DEFAULT_DATA_FILE;
  const path = file === ':memory:' ? file : resolve(file);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });

  const eventStore = await openSqliteEventStore({ path });
  const readStore = await openSqliteReadStore({ path });
  // The stores' subscriptions wait on unref'd timers (so they never hold a process open on their
  // own); the projector is this process's purpose, so it holds itself open until told to stop.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  let starting: Promise<ProjectionRunner> | null = null;
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
    Promise.resolve(starting?.then((runner) => runner.stop()))
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
  if (!stopping) console.log(`[projector] running ${projections.length} projection(s) against ${path}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
