/**
 * npm run bench: how much the ledger's guarantees cost, as ratios against a baseline measured in
 * the same run on the same machine (absolute numbers vary too much between machines to compare).
 *
 * - append: SqliteEventStore.append (expected-revision check, hash chain, idempotency check, one
 *   fsynced transaction) vs. the bare minimum: a better-sqlite3 INSERT of the same JSON in its own
 *   transaction, same file settings (WAL, synchronous=FULL).
 * - command: CommandPipeline.execute (read stream, fold, decide, append, read back) vs. append.
 * - readAll: paging the whole log through the port vs. a bare SELECT of the same rows.
 */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CommandPipeline } from '@channel-ledger/application';
import { Decider, DomainEvent } from '@channel-ledger/domain';
import { eventIdFor, NewEvent, openSqliteEventStore } from '@channel-ledger/event-store';

const N = Number(process.env.BENCH_EVENTS ?? 2000);
const STREAMS = 50;

type Counted = DomainEvent<'SeatsAdded', { seats: number }>;
const counter: Decider<{ seats: number }, Counted, number> = {
  initialState: 0,
  decide: (c) => [{ type: 'SeatsAdded', data: { seats: c.seats } }],
  evolve: (s, e) => s + e.data.seats,
};

function event(i: number): NewEvent {
  const commandId = `bench-${i}`;
  return {
    eventId: eventIdFor(commandId, 0),
    type: 'SeatsAdded',
    data: { seats: i % 7, note: 'x'.repeat(64) },
    metadata: {
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: { kind: 'reseller', id: 'r-1' },
      onBehalfOf: null,
      occurredAt: '2026-11-23T10:00:00.000Z',
      schemaVersion: 1,
    },
  };
}

async function time(label: string, work: () => Promise<void> | void): Promise<number> {
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  console.log(`  ${label.padEnd(44)} ${(ms / N * 1000).toFixed(1).padStart(8)} µs/event`);
  return ms;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  console.log(`channel-ledger bench: ${N} events over ${STREAMS} streams (node ${process.version})`);

  const raw = new Database(join(dir, 'raw.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec('CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT, revision INTEGER, event_id TEXT UNIQUE, type TEXT, data TEXT, metadata TEXT, UNIQUE (stream_id, revision))');
  const insert = raw.prepare('INSERT INTO events (stream_id, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
  const baselineAppend = await time('baseline: bare INSERT, one transaction each', () => {
    for (let i = 0; i < N; i++) {
      const e = event(i);
      raw.transaction(() => insert.run(`s-${i % STREAMS}`, Math.floor(i / STREAMS), e.eventId, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)))();
    }
  });
  const baselineRead = await time('baseline: bare SELECT of the whole log', () => {
    for (const row of raw.prepare('SELECT * FROM events ORDER BY position').iterate()) JSON.parse((row as { data: string }).data);
  });
  raw.close();

  const store = await openSqliteEventStore({ path: join(dir, 'ledger.sqlite') });
  const append = await time('EventStore.append (chain, checks)', async () => {
    for (let i = 0; i < N; i++) await store.append(`s-${i % STREAMS}`, [event(i)], 'any');
  });
  const readAll = await time('EventStore.readAll, pages of 500', async () => {
    let after: bigint | null = null;
    for (;;) {
      const page = await store.readAll({ after, limit: 500 });
      if (page.isEnd || page.lastPosition === null) break;
      after = page.lastPosition;
    }
  });
  await store.close();

  const commandStore = await openSqliteEventStore({ path: join(dir, 'commands.sqlite') });
  const pipeline = new CommandPipeline(commandStore);
  const command = await time('CommandPipeline.execute (load, decide, append)', async () => {
    for (let i = 0; i < N; i++) {
      const commandId = `cmd-${i}`;
      await pipeline.execute({
        streamId: `s-${i % STREAMS}`,
        decider: counter,
        command: { seats: 1 },
        envelope: { commandId, correlationId: commandId, causationId: commandId, actor: { kind: 'reseller', id: 'r' }, onBehalfOf: null, occurredAt: '2026-11-23T10:00:00.000Z' },
      });
    }
  });
  await commandStore.close();

  console.log('ratios (lower is cheaper; 1.00 = baseline):');
  console.log(`  append   / bare insert : ${(append / baselineAppend).toFixed(2)}`);
  console.log(`  readAll  / bare select : ${(readAll / baselineRead).toFixed(2)}`);
  console.log(`  command  / append      : ${(command / append).toFixed(2)}  (streams hold ${N / STREAMS} events at the end)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
