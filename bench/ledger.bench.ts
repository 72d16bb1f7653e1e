/**
 * npm run bench [-- --quick]: the project's benchmark. Every figure is printed beside a baseline
 * measured in the same run, on the same machine and disk, and the ratio, because absolute numbers
 * vary too much between machines to compare. The bars are issue 11's; each line says met or not.
 *
 * Sections (sizes: full / --quick):
 * 1. commands in process: CommandPipeline.execute on the SQLite store (synchronous=FULL, the
 *    default), 1 caller and 8 concurrent callers, vs. bare better-sqlite3: one INSERT per
 *    transaction at FULL, and read-the-stream-then-INSERT at NORMAL (no fsync). 20,000 commands
 *    over 2,000 streams, median of 3 / 4,000 over 400, once.
 * 2. a long stream: a command on a stream of 10,000 events vs. one on a stream of 10 (medians of
 *    interleaved commands), and the first command after a restart (folds the stream once).
 * 3. contention: 8 writers on 100 hot streams with a seat count; no seat may be lost.
 * 4. rebuild: a seeded channel history (resellers, customers, purchases, seats, transfers,
 *    renewals, licenses; apps/api/src/dashboard/testing/channel-history.ts) written through the
 *    real use cases, then every read model built from it by the ProjectionRunner, vs. bare
 *    better-sqlite3 reading, parsing and writing one document per event. Also the event loop's
 *    longest stall during the build (what a query waits for). Each size of BENCH_REBUILD_SIZES
 *    (default 100000,1000000 / 10000; BENCH_REBUILD_EVENTS names a single one) is built in turn,
 *    and the largest against the smallest gives the scaling row ("1M within 20% of 10 × 100k").
 *    BENCH_HISTORY_DIR=<dir> keeps the generated histories there and reuses them next time
 *    (the use cases write about 2,000-3,000 events/s: some 6-8 minutes for 1M).
 *    Then, on the largest build, the queries (bench/queries.section.ts; BENCH_SKIP=queries):
 *    invoice owner at D, a reseller's page, an audit page, p50/p99 in process beside a bare
 *    primary-key read, and over HTTP from the API process idle and during a rebuild of every
 *    read model through the operator route (BENCH_SKIP=queries-http skips that part).
 * 5. http: commands over HTTP (bench/http.section.ts): the API process loaded by autocannon from another process.
 *
 * BENCH_JSON=<file> also writes the figures as JSON. BENCH_SKIP=rebuild,... skips sections.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CommandPipeline } from '@channel-ledger/application';
import { Decider, DomainEvent } from '@channel-ledger/domain';
import { eventIdFor, NewEvent, openSqliteEventStore } from '@channel-ledger/event-store';
import { readModelProjections } from '@channel-ledger/projections';
import { generateChannelHistory } from '../apps/api/src/dashboard/testing/channel-history';
import { fmt, median, quantile, report, rows } from './report';
import { runHttpSection } from './http.section';
import { runQueriesSection } from './queries.section';

const QUICK = process.argv.includes('--quick');
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const COMMANDS = QUICK ? 4_000 : 20_000;
const STREAMS = QUICK ? 400 : 2_000;
const RUNS = QUICK ? 1 : 3;
const LONG = 10_000;
const LONG_SAMPLES = QUICK ? 200 : 1_000;
const HOT_COMMANDS = QUICK ? 2_000 : 10_000;
const REBUILD_EVENTS = Number(process.env.BENCH_REBUILD_EVENTS ?? (QUICK ? 10_000 : 100_000));

// ---------------------------------------------------------------------------------------------
// A command shaped like the ledger's (about 350 bytes of data and metadata per event).

type SeatsAdded = DomainEvent<
  'SeatsAdded',
  { subscriptionId: string; seats: number; planId: string; unitPrice: string; currency: string; reason: string }
>;
type AddSeats = { subscriptionId: string; seats: number };
const seats: Decider<AddSeats, SeatsAdded, { seats: number; events: number }> = {
  initialState: { seats: 0, events: 0 },
  decide: (command, state) =>
    state.seats + command.seats > 1_000_000_000
      ? { kind: 'rule-violation', code: 'cap', message: 'cap' }
      : [
          {
            type: 'SeatsAdded',
            data: {
              subscriptionId: command.subscriptionId,
              seats: command.seats,
              planId: 'gitlens-pro',
              unitPrice: '12.50',
              currency: 'EUR',
              reason: 'expansion',
            },
          },
        ],
  evolve: (state, event) => ({ seats: state.seats + event.data.seats, events: state.events + 1 }),
};

const envelope = (commandId: string) => ({
  commandId,
  correlationId: commandId,
  causationId: commandId,
  actor: { kind: 'reseller' as const, id: 'reseller-acme-resale' },
  onBehalfOf: null,
  occurredAt: '2026-11-23T10:00:00.000Z',
});

function rawEvent(streamId: string, commandId: string, seatsAdded = 1): NewEvent {
  return {
    eventId: eventIdFor(commandId, 0),
    type: 'SeatsAdded',
    data: { subscriptionId: streamId, seats: seatsAdded, planId: 'gitlens-pro', unitPrice: '12.50', currency: 'EUR', reason: 'expansion' },
    metadata: { ...envelope(commandId), schemaVersion: 1 },
  };
}

// ---------------------------------------------------------------------------------------------

let dir = '';
let files = 0;
const freshPath = () => join(dir, `f-${++files}.sqlite`);

function rawDatabase(synchronous: 'FULL' | 'NORMAL'): Database.Database {
  const db = new Database(freshPath());
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
    event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, hash TEXT NOT NULL, UNIQUE (stream_id, revision))`);
  return db;
}

/** Per second, median of `runs`; the contenders take turns each run, so a noisy moment hits them alike. */
async function perSecondInterleaved(runs: number, contenders: Array<() => Promise<number>>): Promise<number[]> {
  const results = contenders.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    for (const [index, work] of contenders.entries()) {
      const started = performance.now();
      const done = await work();
      results[index].push(done / ((performance.now() - started) / 1000));
    }
  }
  return results.map(median);
}

async function commandsInProcess(): Promise<void> {
  console.log(`\n1. commands in process: ${COMMANDS} commands over ${STREAMS} streams, synchronous=FULL, median of ${RUNS}`);
  const fake = 'f'.repeat(64);
  const bareInsertFullRun = async () => {
    const db = rawDatabase('FULL');
    const insert = db.prepare(
      'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const one = db.transaction((e: NewEvent, stream: string, revision: number) =>
      insert.run(stream, revision, e.eventId, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), fake),
    );
    for (let i = 0; i < COMMANDS; i++) {
      const stream = `s-${i % STREAMS}`;
      one(rawEvent(stream, `raw-${i}`), stream, Math.floor(i / STREAMS));
    }
    db.close();
    return COMMANDS;
  };
  const bareReadInsertNormalRun = async () => {
    const db = rawDatabase('NORMAL');
    const insert = db.prepare(
      'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const read = db.prepare('SELECT revision, data FROM events WHERE stream_id = ? ORDER BY revision');
    const one = db.transaction((e: NewEvent, stream: string) => {
      const history = read.all(stream) as Array<{ revision: number; data: string }>;
      let total = 0;
      for (const row of history) total += (JSON.parse(row.data) as { seats: number }).seats;
      insert.run(stream, history.length, e.eventId, e.type, JSON.stringify({ ...e.data, total }), JSON.stringify(e.metadata), fake);
    });
    for (let i = 0; i < COMMANDS; i++) {
      const stream = `s-${i % STREAMS}`;
      one(rawEvent(stream, `raw-${i}`), stream);
    }
    db.close();
    return COMMANDS;
  };

  const pipelineRun = (callers: number) => async () => {
    const store = await openSqliteEventStore({ path: freshPath() });
    const pipeline = new CommandPipeline(store);
    const tag = Math.random().toString(36).slice(2);
    await Promise.all(
      Array.from({ length: callers }, async (_, caller) => {
        for (let i = caller; i < COMMANDS; i += callers) {
          const streamId = `subscription-${i % STREAMS}`;
          await pipeline.execute({
            streamId,
            decider: seats,
            command: { subscriptionId: streamId, seats: 1 },
            envelope: envelope(`c-${tag}-${i}`),
          });
        }
      }),
    );
    await store.close();
    return COMMANDS;
  };
  const [bareInsertFull, bareReadInsertNormal, one, eight] = await perSecondInterleaved(RUNS, [
    bareInsertFullRun,
    bareReadInsertNormalRun,
    pipelineRun(1),
    pipelineRun(8),
  ]);
  report({ section: 'commands', label: 'baseline: bare INSERT, 1 row/transaction, FULL', value: bareInsertFull, unit: '/s' });
  report({ section: 'commands', label: 'baseline: bare read stream + INSERT, NORMAL', value: bareReadInsertNormal, unit: '/s' });
  report({
    section: 'commands',
    label: 'CommandPipeline, 1 caller',
    value: one,
    unit: '/s',
    baseline: { label: 'bare INSERT FULL', value: bareInsertFull },
  });
  report({
    section: 'commands',
    label: 'CommandPipeline, 8 concurrent callers',
    value: eight,
    unit: '/s',
    baseline: { label: 'bare read+INSERT NORMAL', value: bareReadInsertNormal },
    bar: { text: '>= 0.5x bare read+INSERT at NORMAL', met: eight >= 0.5 * bareReadInsertNormal },
  });
  report({
    section: 'commands',
    label: 'CommandPipeline, 8 concurrent callers',
    value: eight,
    unit: '/s',
    baseline: { label: 'bare INSERT FULL', value: bareInsertFull },
    bar: { text: '>= 1.5x bare INSERT at FULL (group commit)', met: eight >= 1.5 * bareInsertFull },
  });
  report({ section: 'commands', label: '8 callers vs 1', value: eight, unit: '/s', baseline: { label: '1 caller', value: one } });
}

async function longStream(): Promise<void> {
  console.log(`\n2. a stream of ${LONG.toLocaleString('en-US')} events vs a stream of 10: ${LONG_SAMPLES} interleaved commands each, FULL`);
  const path = freshPath();
  const store = await openSqliteEventStore({ path });
  for (const [streamId, length] of [
    ['subscription-long', LONG],
    ['subscription-short', 10],
  ] as const) {
    for (let at = 0; at < length; at += 1_000) {
      const batch = Array.from({ length: Math.min(1_000, length - at) }, (_, i) => rawEvent(streamId, `${streamId}-fill-${at + i}`));
      await store.append(streamId, batch, 'any');
    }
  }
  // A restart: the first command on the long stream folds it once (and verifies its chain).
  const pipeline = new CommandPipeline(store);
  const exec = (streamId: string, commandId: string) =>
    pipeline.execute({ streamId, decider: seats, command: { subscriptionId: streamId, seats: 1 }, envelope: envelope(commandId) });
  let started = performance.now();
  await exec('subscription-long', 'first-long');
  const firstLong = performance.now() - started;
  await exec('subscription-short', 'first-short');
  const long: number[] = [];
  const short: number[] = [];
  for (let i = 0; i < LONG_SAMPLES; i++) {
    started = performance.now();
    await exec('subscription-long', `long-${i}`);
    long.push(performance.now() - started);
    started = performance.now();
    await exec('subscription-short', `short-${i}`);
    short.push(performance.now() - started);
  }
  await store.close();
  const us = (ms: number) => ms * 1000;
  report({ section: 'long-stream', label: 'command on a stream of 10 (median)', value: us(median(short)), unit: 'µs' });
  report({
    section: 'long-stream',
    label: `command on a stream of ${LONG.toLocaleString('en-US')} (median)`,
    value: us(median(long)),
    unit: 'µs',
    baseline: { label: 'stream of 10', value: us(median(short)) },
    bar: { text: 'within 1.2x of a short stream', met: median(long) <= 1.2 * median(short) },
  });
  report({
    section: 'long-stream',
    label: `  p99 on ${LONG.toLocaleString('en-US')} / on 10`,
    value: us(quantile(long, 0.99)),
    unit: 'µs',
    baseline: { label: 'p99 on 10', value: us(quantile(short, 0.99)) },
  });
  report({ section: 'long-stream', label: 'first command after a restart (folds 10,000)', value: firstLong, unit: 'ms' });
}

async function contention(): Promise<void> {
  console.log(`\n3. contention: 8 writers, ${HOT_COMMANDS} commands on 100 hot streams`);
  const store = await openSqliteEventStore({ path: freshPath() });
  const pipeline = new CommandPipeline(store);
  let acknowledged = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < HOT_COMMANDS; i = next++) {
        // Writers pick streams at random, so they collide on the same stream and must retry.
        const streamId = `hot-${Math.floor(Math.random() * 100)}`;
        await pipeline.execute({
          streamId,
          decider: seats,
          command: { subscriptionId: streamId, seats: 1 },
          envelope: envelope(`hot-${i}`),
        });
        acknowledged++;
      }
    }),
  );
  const rate = HOT_COMMANDS / ((performance.now() - started) / 1000);
  let counted = 0;
  for (let s = 0; s < 100; s++) for (const e of await store.readStream(`hot-${s}`)) counted += (e.data as { seats: number }).seats;
  await store.close();
  report({ section: 'contention', label: 'commands acknowledged/s', value: rate, unit: '/s' });
  report({
    section: 'contention',
    label: 'seats lost (acknowledged - in the log)',
    value: acknowledged - counted,
    unit: '',
    bar: { text: 'zero lost seats', met: acknowledged === counted },
  });
}

async function rebuild(): Promise<void> {
  // BENCH_REBUILD_SIZES=100000,1000000 (the full default; --quick: 10000). BENCH_REBUILD_EVENTS, the
  // older setting, still names a single size. BENCH_HISTORY_DIR keeps each generated history there
  // and reuses it on later runs (generating 1,000,000 events through the use cases takes minutes).
  const sizes = (
    process.env.BENCH_REBUILD_SIZES ?? (process.env.BENCH_REBUILD_EVENTS ? String(REBUILD_EVENTS) : QUICK ? '10000' : '100000,1000000')
  )
    .split(',')
    .map((size) => Number(size.trim()))
    .filter((size) => Number.isInteger(size) && size > 0)
    .sort((a, b) => a - b);
  if (sizes.length === 0) throw new Error('BENCH_REBUILD_SIZES must list event counts, e.g. 100000,1000000');
  const historyDir = process.env.BENCH_HISTORY_DIR;
  if (historyDir) mkdirSync(historyDir, { recursive: true });
  const short = (n: number) =>
    n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n >= 1_000 && n % 1_000 === 0 ? `${n / 1_000}k` : String(n);
  const eventCount = (path: string) => {
    const db = new Database(path, { readonly: true });
    const head = (db.prepare('SELECT MAX(position) AS head FROM events').get() as { head: number | null }).head ?? 0;
    db.close();
    return head;
  };

  const builds: Array<{ size: number; events: number; seconds: number }> = [];
  let last: { eventsPath: string; readPath: string; keptHistory: string | null } | null = null;
  for (const size of sizes) {
    const tag = short(size);
    console.log(`\n4. rebuild (${tag}): a channel history of about ${size.toLocaleString('en-US')} events into every read model`);
    const kept = historyDir ? join(historyDir, `channel-history-${size}.sqlite`) : null;
    const eventsPath = kept ?? freshPath();
    const started = performance.now();
    if (kept && existsSync(kept) && eventCount(kept) >= size) {
      console.log(`  (history: ${eventCount(kept)} events reused from ${kept})`);
    } else {
      if (kept) for (const suffix of ['', '-wal', '-shm']) rmSync(kept + suffix, { force: true });
      const writer = await openSqliteEventStore({ path: eventsPath, synchronous: 'NORMAL' });
      let batch = 0;
      let head = (await writer.headPosition()) ?? 0n;
      while (head < BigInt(size)) {
        const missing = size - Number(head);
        await generateChannelHistory(writer, {
          tag: `b${++batch}`,
          seed: 1000 + batch,
          vendors: ['vendor-bench'],
          resellers: 30,
          start: '2024-07-01T00:00:00.000Z',
          months: 24,
          purchasesPerMonth: Math.max(5, Math.ceil(missing / 9.5 / 24)),
          until: '2026-07-01T00:00:00.000Z',
        });
        head = (await writer.headPosition()) ?? 0n;
      }
      const generation = (performance.now() - started) / 1000;
      await writer.close();
      console.log(
        `  (history: ${head} events written through the use cases in ${generation.toFixed(1)} s, ${fmt(Number(head) / generation)} events/s at NORMAL)`,
      );
    }
    const total = eventCount(eventsPath);

    // The product: every read model from position 0, as a first start (or a rebuild of all) does,
    // in a process of its own so its peak RSS is the build's, not the history generator's.
    const readPath = freshPath();
    const phase = join(__dirname, 'rebuild-phase.js');
    const child = spawnSync(process.execPath, [phase, compiledSources(), eventsPath, readPath, String(total)], {
      encoding: 'utf8',
      env: process.env,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`rebuild child failed: ${child.stderr}`);
    const built = JSON.parse(child.stdout.trim().split('\n').pop()!) as {
      seconds: number;
      rssBefore: number;
      rssPeak: number;
      stallMax: number;
      stallP99: number;
    };
    const { seconds, rssBefore, rssPeak } = built;
    const documents = builtDocuments(readPath);
    const raw = rawRebuild(eventsPath, total, documents);
    const rate = total / seconds;
    report({
      section: 'rebuild',
      label: `${tag}: baseline: bare read + parse, write ${fmt(documents.count)} documents`,
      value: raw,
      unit: 'events/s',
    });
    report({
      section: 'rebuild',
      label: `${tag}: every read model from 0 (${readModelProjections.length} projections)`,
      value: rate,
      unit: 'events/s',
      baseline: { label: 'raw', value: raw },
      bar: { text: '>= 0.4x raw', met: rate >= 0.4 * raw },
    });
    report({
      section: 'rebuild',
      label: `${tag}:   the same, against the absolute bar`,
      value: rate,
      unit: 'events/s',
      bar: { text: '>= 100,000 events/s', met: rate >= 100_000 },
    });
    report({ section: 'rebuild', label: `${tag}:   time to build every read model`, value: seconds, unit: 's' });
    report({
      section: 'rebuild',
      label: `${tag}: peak RSS of the build process`,
      value: rssPeak,
      unit: 'MB',
      baseline: { label: 'process before the build', value: rssBefore },
      bar: { text: 'RSS < 300 MB', met: rssPeak < 300 },
    });
    report({
      section: 'rebuild',
      label: `${tag}: longest event-loop stall during the build`,
      value: built.stallMax,
      unit: 'ms',
      bar: { text: 'a query waits < 50 ms at p99 (event-loop stall p99)', met: built.stallP99 < 50 },
    });
    report({ section: 'rebuild', label: `${tag}:   event-loop stall p99 (1 ms timers)`, value: built.stallP99, unit: 'ms' });

    // Only the largest build is kept, for the queries (sizes go up).
    if (last) {
      if (last.eventsPath !== last.keptHistory) rmSync(last.eventsPath, { force: true });
      rmSync(last.readPath, { force: true });
    }
    last = { eventsPath, readPath, keptHistory: kept };
    builds.push({ size, events: total, seconds });
  }

  // Issue 11: "1M within 20% of 10 × 100k": the largest build against the smallest, scaled by events.
  if (builds.length >= 2) {
    const small = builds[0];
    const large = builds[builds.length - 1];
    const factor = large.events / small.events;
    const linear = small.seconds * factor;
    report({
      section: 'rebuild',
      label: `time for ${short(large.size)} vs ${factor.toFixed(1)} × ${short(small.size)}`,
      value: large.seconds,
      unit: 's',
      baseline: { label: `${factor.toFixed(1)} × ${short(small.size)}`, value: linear },
      bar: {
        text: `${short(large.size)} within 20% of ${fmt(large.size / small.size)} × ${short(small.size)}`,
        met: large.seconds <= 1.2 * linear,
      },
    });
  }

  if (last && !SKIP.has('queries')) {
    const { eventsPath, readPath } = last;
    await runQueriesSection({ eventsPath, readPath, events: builds[builds.length - 1].events, quick: QUICK, dir });
  }
}

/** How many documents the build left in the read store, and their average size. */
function builtDocuments(readPath: string): { count: number; averageBytes: number } {
  const db = new Database(readPath, { readonly: true });
  let count = 0;
  let bytes = 0;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'read_store_doc_%'").all() as Array<{
    name: string;
  }>;
  for (const { name } of tables) {
    const row = db.prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(body)), 0) AS b FROM "${name}"`).get() as { n: number; b: number };
    count += row.n;
    bytes += row.b;
  }
  db.close();
  return { count, averageBytes: count === 0 ? 0 : Math.round(bytes / count) };
}

/**
 * The raw baseline, as the issue defines it: bare better-sqlite3 reading and parsing every event
 * and writing the same number of documents as the build left (of their average size, under
 * scattered ids as the read models' are), 500 per transaction at synchronous=NORMAL. Events per second.
 */
function rawRebuild(eventsPath: string, events: number, documents: { count: number; averageBytes: number }): number {
  const started = performance.now();
  const rawPath = freshPath();
  const source = new Database(eventsPath, { readonly: true });
  const target = new Database(rawPath);
  target.pragma('journal_mode = WAL');
  target.pragma('synchronous = NORMAL');
  target.exec('CREATE TABLE documents (collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (collection, id))');
  const put = target.prepare('INSERT OR REPLACE INTO documents (collection, id, body) VALUES (?, ?, ?)');
  const write = target.transaction((docs: Array<[string, string, string]>) => {
    for (const doc of docs) put.run(doc[0], doc[1], doc[2]);
  });
  const pad = 'x'.repeat(Math.max(0, documents.averageBytes - 60));
  let pending: Array<[string, string, string]> = [];
  let written = 0;
  let read = 0;
  for (const row of source.prepare('SELECT stream_id, type, data, metadata FROM events ORDER BY position').iterate() as IterableIterator<{
    stream_id: string;
    type: string;
    data: string;
    metadata: string;
  }>) {
    JSON.parse(row.data);
    JSON.parse(row.metadata);
    read++;
    // This event's share of the documents, spread evenly over the log.
    const due = Math.floor((read * documents.count) / events);
    for (; written < due; written++) {
      const id = `${((written * 2654435761) >>> 0).toString(16)}-${written}`;
      pending.push([row.type, id, JSON.stringify({ id, stream: row.stream_id, pad })]);
    }
    if (pending.length >= 500) {
      write(pending);
      pending = [];
    }
  }
  write(pending);
  source.close();
  target.close();
  rmSync(rawPath, { force: true });
  return events / ((performance.now() - started) / 1000);
}

/** The sources compiled once per run (rebuild-phase.js runs on them), inside node_modules so they resolve the project's packages. */
let compiled: string | null = null;
function compiledSources(): string {
  if (compiled) return compiled;
  const root = join(__dirname, '..');
  const dist = mkdtempSync(join(root, 'node_modules', '.cache-ledger-bench-'));
  compiled = dist;
  // Emits even if unrelated files fail to type-check; only the files the build runs must exist.
  spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', dist], {
    stdio: 'ignore',
  });
  if (!existsSync(join(dist, 'libs', 'projections', 'src', 'index.js'))) throw new Error('the sources did not compile');
  return dist;
}

async function main(): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'bench-ledger-'));
  const started = performance.now();
  console.log(`channel-ledger bench${QUICK ? ' --quick' : ''} (node ${process.version}, ${new Date().toISOString()})`);
  try {
    if (!SKIP.has('commands')) await commandsInProcess();
    if (!SKIP.has('long-stream')) await longStream();
    if (!SKIP.has('contention')) await contention();
    if (!SKIP.has('http')) await runHttpSection({ dir, quick: QUICK });
    if (!SKIP.has('rebuild')) await rebuild();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (compiled) rmSync(compiled, { recursive: true, force: true });
  }
  console.log(
    `\nbars: ${rows.filter((r) => r.bar?.met).length} met, ${rows.filter((r) => r.bar && !r.bar.met).length} not met; ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify({ quick: QUICK, node: process.version, rows }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
