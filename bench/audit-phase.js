'use strict';
/*
 * One phase of `npm run bench:audit`, run in a process of its own on the compiled sources (dist),
 * so the peak resident memory it reports is that phase's and not the TypeScript compiler's.
 * Usage: node --max-old-space-size=<MB> bench/audit-phase.js <dist> <phase> <work dir> <events> <stream length>
 * (the bench passes the same heap cap the channel-ledger command runs with).
 */
const path = require('node:path');

const [dist, phase, work, eventsText, lengthText] = process.argv.slice(2);
const N = Number(eventsText);
const STREAM_LENGTH = Number(lengthText);
const SECRET = 'bench-secret-0123456789abcdefghijklmnopqrstuv';

require('tsconfig-paths').register({ baseUrl: dist, paths: require('../tsconfig.base.json').compilerOptions.paths });
const lib = (name) => require(path.join(dist, 'libs', name, 'src'));

function event(i, streamIndex, revision) {
  const { fullPeriodLine } = lib('domain');
  const { eventIdFor } = lib('event-store');
  const commandId = `bench-${i}`;
  const periodStart = '2026-01-15T00:00:00.000Z';
  const periodEnd = '2027-01-15T00:00:00.000Z';
  let data;
  if (revision % 2 === 0) {
    data = {
      subscriptionId: `s-${streamIndex}`,
      seatsAdded: 1 + (i % 5),
      seatsBefore: revision,
      seatsAfter: revision + 1 + (i % 5),
      effectiveAt: periodStart,
      invoiceId: `inv-${i}`,
    };
  } else {
    // Every other event is an invoice with a real line, so verify has amounts to recompute.
    const line = {
      kind: 'renewal',
      description: 'GitLens Pro',
      ...fullPeriodLine({ currency: 'USD', unitPrice: '96.00', seats: 1 + (i % 9), periodStart, periodEnd }),
    };
    data = { invoiceId: `inv-${i}`, subscriptionId: `s-${streamIndex}`, currency: 'USD', lines: [line], total: line.amount };
  }
  return {
    eventId: eventIdFor(commandId, 0),
    type: revision % 2 === 0 ? 'SeatsPurchased' : 'InvoiceIssued',
    data,
    metadata: {
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: { kind: 'reseller', id: `r-${streamIndex % 100}` },
      onBehalfOf: null,
      occurredAt: periodStart,
      schemaVersion: 1,
    },
  };
}

/** Straight into the events table (the store's schema, the store's hashes), 10,000 rows a transaction. */
async function generate(file) {
  const Database = require('better-sqlite3');
  const { openSqliteEventStore, sealEvents, canonicalJson } = lib('event-store');
  await (await openSqliteEventStore({ path: file })).close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insert = db.prepare('INSERT INTO events (stream_id, revision, event_id, type, data, metadata, hash) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const streams = Math.ceil(N / STREAM_LENGTH);
  const links = new Map();
  const batch = db.transaction((from, to) => {
    for (let i = from; i < to; i++) {
      // Interleaved: stream k gets its r-th event at i = r * streams + k, so every chain spans the log.
      const streamIndex = i % streams;
      const revision = Math.floor(i / streams);
      const streamId = `subscription-s-${streamIndex}`;
      const [sealed] = sealEvents(streamId, links.get(streamIndex) ?? null, [event(i, streamIndex, revision)], '2026-02-01T00:00:00.000Z');
      const { hash, ...metadata } = sealed.metadata;
      insert.run(streamId, sealed.revision, sealed.eventId, sealed.type, canonicalJson(sealed.data), canonicalJson(metadata), hash);
      links.set(streamIndex, { revision: sealed.revision, hash });
    }
  });
  for (let from = 0; from < N; from += 10_000) batch(from, Math.min(N, from + 10_000));
  db.close();
}

async function main() {
  const file = path.join(work, 'ledger.sqlite');
  const env = { ...process.env, CHANNEL_LEDGER_SQLITE_PATH: file, CHANNEL_LEDGER_SECRET: SECRET };
  const io = { out: () => undefined, err: (t) => void process.stderr.write(t), interactive: false, env };
  const { runCli } = require(path.join(dist, 'apps', 'cli', 'src', 'program'));
  const started = performance.now();
  const commands = {
    baseline: null,
    seal: ['checkpoint', 'seal'],
    export: ['export', '--no-seal', '--out', path.join(work, 'ledger.jsonl')],
    'verify-file': ['verify', '--file', path.join(work, 'ledger.jsonl')],
    'verify-store': ['verify'],
  };
  let code = 0;
  if (phase === 'generate') await generate(file);
  else if (commands[phase]) code = await runCli(commands[phase], io);
  const seconds = (performance.now() - started) / 1000;
  // maxRSS (kilobytes): the peak resident set of this process over its whole life.
  process.stdout.write(JSON.stringify({ phase, code, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
