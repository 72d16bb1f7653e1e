import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyStreamChain } from '../chain';
import type { EventStore } from '../port';
import { commandEvents, freshStream, takeFrom, within } from '../testing/contract-helpers';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { openSqliteEventStore } from './sqlite-event-store';

const directory = mkdtempSync(join(tmpdir(), 'event-store-contract-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let files = 0;
const pathOf = new WeakMap<EventStore, string>();

describeEventStoreContract('sqlite', {
  async open(options) {
    const path = join(directory, `events-${++files}.sqlite`);
    const store = await openSqliteEventStore({ path, ...options });
    pathOf.set(store, path);
    return store;
  },
  async openAnotherConnection(store, options) {
    const path = pathOf.get(store)!;
    const other = await openSqliteEventStore({ path, ...options });
    pathOf.set(other, path);
    return other;
  },
  supportsInitialPosition: true,
  detectsDuplicateIdsAcrossStreams: true,
});

describe('sqlite event store: integrity', () => {
  it('verifyStreamChain finds an event whose data was altered in the file', async () => {
    const path = join(directory, 'tamper.sqlite');
    const store = await openSqliteEventStore({ path });
    const victim = freshStream('subscription');
    const untouched = freshStream('subscription');
    for (const streamId of [victim, untouched]) {
      await store.append(
        streamId,
        commandEvents(
          { type: 'SubscriptionPurchased', data: { seats: 10, unitPrice: '12.00' } },
          { type: 'SeatsPurchased', data: { seats: 2 } },
          { type: 'InvoiceIssued', data: { total: '144.00' } },
        ),
        'no-stream',
      );
    }
    expect(verifyStreamChain(await store.readStream(victim))).toEqual({ ok: true });

    // Someone with file access lowers an invoice total behind the application's back.
    const raw = new Database(path);
    const changed = raw
      .prepare("UPDATE events SET data = json_set(data, '$.total', '1.00') WHERE stream_id = ? AND revision = 2")
      .run(victim);
    raw.close();
    expect(changed.changes).toBe(1);

    const tampered = await store.readStream(victim);
    expect(tampered[2].data).toEqual({ total: '1.00' });
    expect(verifyStreamChain(tampered)).toEqual({ ok: false, revision: 2n, reason: expect.stringMatching(/altered/) });
    expect(verifyStreamChain(await store.readStream(untouched))).toEqual({ ok: true });
    await store.close();
  });
});

describe('sqlite event store: another process', () => {
  const worker = join(__dirname, '..', 'testing', 'sqlite-append-worker.ts');

  it('a live subscription sees its appends by polling, and kill -9 loses no acknowledged event', async () => {
    const path = join(directory, 'cross-process.sqlite');
    const streamId = freshStream('reseller');
    const store = await openSqliteEventStore({ path, pollIntervalMs: 50 });
    const subscription = store.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();

    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', worker, path, streamId], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
    let acknowledged = -1n;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const match of chunk.matchAll(/ack (\d+) \d+\n/g)) acknowledged = BigInt(match[1]);
    });
    try {
      // The other process's appends reach us only through polling: no in-process signal exists.
      const seen = await takeFrom(iterator, 25, [streamId], 20_000);
      expect(seen.map((e) => e.revision)).toEqual(Array.from({ length: 25 }, (_, i) => BigInt(i)));
    } finally {
      child.kill('SIGKILL');
    }
    expect(await within(exited, 10_000, 'the worker to die')).toBe('SIGKILL');
    await subscription.close();
    await store.close();

    const reopened = await openSqliteEventStore({ path });
    const events = await reopened.readStream(streamId);
    expect(acknowledged).toBeGreaterThanOrEqual(24n);
    expect(events.length).toBeGreaterThanOrEqual(Number(acknowledged) + 1);
    expect(verifyStreamChain(events)).toEqual({ ok: true });
    await reopened.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  }, 60_000);
});

describe('sqlite event store: group commit', () => {
  it('appends made together commit in one transaction, in arrival order, each checked on its own', async () => {
    const path = join(directory, 'group-commit.sqlite');
    const store = await openSqliteEventStore({ path });
    const a = freshStream('subscription');
    const b = freshStream('subscription');
    await store.append(a, commandEvents({ type: 'Opened', data: {} }), 'no-stream');
    const raw = new Database(path, { readonly: true });
    const commitsBefore = raw.pragma('data_version', { simple: true });
    const outcomes = await Promise.allSettled([
      store.append(a, commandEvents({ type: 'A1', data: {} }), 0n),
      store.append(b, commandEvents({ type: 'B0', data: {} }), 'no-stream'),
      store.append(a, commandEvents({ type: 'A-stale', data: {} }), 0n),
      store.append(b, commandEvents({ type: 'B1', data: {} }), 0n),
      store.append(a, commandEvents({ type: 'A2', data: {} }), 1n),
      // A failure other than a conflict (a duplicate event id) also fails alone.
      store.append(b, [{ ...commandEvents({ type: 'X', data: {} })[0], eventId: (await store.readStream(a))[0].eventId }], 'any'),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'rejected']);
    const streamA = await store.readStream(a);
    const streamB = await store.readStream(b);
    expect(streamA.map((e) => e.type)).toEqual(['Opened', 'A1', 'A2']);
    expect(streamB.map((e) => e.type)).toEqual(['B0', 'B1']);
    expect(verifyStreamChain(streamA)).toEqual({ ok: true });
    expect(verifyStreamChain(streamB)).toEqual({ ok: true });
    // Another connection saw one commit for the whole group (data_version moves once per commit by others).
    expect(Number(raw.pragma('data_version', { simple: true })) - Number(commitsBefore)).toBe(1);
    // Positions of the group follow each other: one transaction, nothing interleaved.
    const positions = [...streamA.slice(1), ...streamB].map((e) => e.position).sort((x, y) => (x < y ? -1 : 1));
    expect(positions[positions.length - 1] - positions[0]).toBe(3n);
    raw.close();
    await store.close();
  });

  it('finds a command by (stream, command id) through its index (both columns), without scanning the stream', () => {
    const path = join(directory, 'command-index.sqlite');
    return openSqliteEventStore({ path }).then(async (store) => {
      const raw = new Database(path, { readonly: true });
      const plan = raw
        .prepare(
          "EXPLAIN QUERY PLAN SELECT * FROM events INDEXED BY events_stream_command WHERE stream_id = ? AND json_extract(metadata, '$.commandId') = ? ORDER BY revision",
        )
        .all('s', 'c') as Array<{ detail: string }>;
      expect(plan.map((row) => row.detail).join(' ')).toMatch(/events_stream_command \(stream_id=\? AND <expr>=\?\)/);
      raw.close();
      await store.close();
    });
  });
});
