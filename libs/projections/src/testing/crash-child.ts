/**
 * Child process of crash.spec.ts: runs the runner with the sample projections over the given files.
 * Killed with SIGKILL mid-way by the parent on its first run; on the second it finishes
 * (CRASH_CHILD_EXIT_WHEN_CAUGHT_UP=1) and exits 0 after a graceful stop.
 */
import { ProjectionRunner } from '../engine/runner';
import { openStores } from './fixtures';
import { counterProjection, ledgerProjection } from './sample-projections';

async function main(): Promise<void> {
  const stores = await openStores(process.env.CRASH_CHILD_EVENTS!, process.env.CRASH_CHILD_READ!);
  const runner = new ProjectionRunner({
    eventStore: stores.eventStore,
    readStore: stores.readStore,
    projections: [counterProjection(), ledgerProjection()],
    catchUpBatchSize: Number(process.env.CRASH_CHILD_BATCH_SIZE ?? 25),
  });
  const keepAlive = setInterval(() => undefined, 1 << 30);
  await runner.start();
  process.stdout.write('started\n');
  if (process.env.CRASH_CHILD_EXIT_WHEN_CAUGHT_UP === '1') {
    await runner.waitUntilCaughtUp(undefined, { timeoutMs: 120_000 });
    await runner.stop();
    await stores.close();
    clearInterval(keepAlive);
    process.stdout.write('done\n');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
