import {
  emailLookupKeyFrom,
  InvalidConfigurationError,
  loadConfig,
  openLeaseStore,
  openLedgerEventStore,
  openReadStore,
  resolveSecrets,
} from '@channel-ledger/application';
import { startProjector, useEmailLookupKey } from '@channel-ledger/projections';
import { ProjectorLease } from './lease';
import { projections } from './projections';
import { startProcesses } from './run-processes';
import { sealPeriodically } from './seal-periodically';

/**
 * The projector as a process of its own: follows the event store (SQLite file or EventStoreDB)
 * and keeps every read model (SQLite file or MongoDB) up to date. Configured like the API.
 * Several may run: one lease in the read store (./lease.ts) keeps exactly one of them active, with
 * all the projections and time-driven processes; the others wait as standbys and take over when
 * the active one's lease lapses or is released.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const secrets = resolveSecrets(config);
  useEmailLookupKey(emailLookupKeyFrom(secrets));
  const readStore = await openReadStore(config);
  // Upcast on read, personal data decrypted (keys beside the events file, or in the read store).
  const { store: eventStore } = await openLedgerEventStore(config, secrets, async () => readStore);
  const where = `${config.eventStore.kind} → ${config.readStore.kind}`;
  // The stores' subscriptions wait on unref'd timers (so they never hold a process open on their
  // own); the projector is this process's purpose, so it holds itself open until told to stop.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  const leases = await openLeaseStore(config);
  const lease = new ProjectorLease({
    leases,
    ttlMs: config.projector.leaseTtlMs,
    log: (line) => console.log(`[projector] ${line}`),
    // Started each time this process becomes the active one; stopped when it stops or loses the lease.
    async start() {
      const runner = await startProjector({ eventStore, readStore, projections });
      const sealing = await sealPeriodically(config, eventStore, readStore);
      const processes = await startProcesses(config, eventStore, readStore);
      console.log(`[projector] running ${projections.length} projection(s) and the time-driven processes, ${where}`);
      return {
        async stop() {
          await processes.stop();
          await runner.stop();
          await sealing.stop();
        },
      };
    },
  });
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
    // If the signal came during start-up, the lease lets start finish, then stops what it started and releases.
    lease
      .stop()
      .then(() => Promise.all([readStore.close(), eventStore.close(), leases.close()]))
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

  // Resolves once stopped; rejects (exit 1, below) if the projections or processes fail to start.
  await lease.run();
}

main().catch((error: unknown) => {
  console.error(error instanceof InvalidConfigurationError ? error.message : error);
  process.exit(1);
});
