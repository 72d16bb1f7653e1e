/**
 * Another process writing to the same SQLite file, for the cross-process tests: appends one
 * event at a time to the given stream and prints "ack <revision> <position>" once each append
 * has returned, until it is killed.
 * Usage: node -r ts-node/register/transpile-only sqlite-append-worker.ts <file> <streamId>
 */
import { openSqliteEventStore } from '../sqlite/sqlite-event-store';
import { commandEvents } from './contract-helpers';

async function main(): Promise<void> {
  const [path, streamId] = process.argv.slice(2);
  const store = await openSqliteEventStore({ path });
  for (let revision = 0n; ; revision++) {
    const result = await store.append(
      streamId,
      commandEvents({ type: 'SeatsPurchased', data: { seats: Number(revision) } }),
      revision === 0n ? 'no-stream' : revision - 1n,
    );
    process.stdout.write(`ack ${result.nextExpectedRevision} ${result.position}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
