import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { organizationDecider, organizationStream, resellerDecider, resellerStream } from '@channel-ledger/domain';
import { EventStore, openSqliteCheckpointStore, openSqliteEventStore, storedFormOf } from '@channel-ledger/event-store';
import { readModelProjections, ProjectionRunner } from '@channel-ledger/projections';
import { openSqliteReadStore, ReadStore } from '@channel-ledger/read-store';
import { verifyLedger } from '../checkpoints/verify-ledger';
import { loadState } from '../pipeline/load-state';
import type { FixtureLine } from '../testing/fixtures/generate-schema-fixtures';
import { UpcastingEventStore } from './upcasting-event-store';

const fixture = (name: string): FixtureLine[] =>
  readFileSync(join(__dirname, '../testing/fixtures', name), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as FixtureLine);

/** A store holding the fixture exactly as written (each event appended at its recorded time). */
async function storeOf(lines: FixtureLine[]): Promise<EventStore> {
  let now = new Date(0);
  const store = await openSqliteEventStore({ path: ':memory:', clock: () => now });
  for (const { streamId, recordedAt, eventId, type, data, metadata } of lines) {
    now = new Date(recordedAt);
    await store.append(streamId, [{ eventId, type, data, metadata }], 'any');
  }
  return store;
}

async function project(store: EventStore): Promise<{ digests: Record<string, string>; readStore: ReadStore; stop: () => Promise<void> }> {
  const readStore = await openSqliteReadStore({ path: ':memory:' });
  const runner = new ProjectionRunner({ eventStore: store, readStore, projections: [...readModelProjections] });
  await runner.start();
  await runner.waitUntilCaughtUp();
  const names = readModelProjections.flatMap((p) => p.collections.map((c) => c.name));
  const digests = Object.fromEntries(await Promise.all(names.map(async (c) => [c, await readStore.digest(c)] as const)));
  return {
    digests,
    readStore,
    stop: async () => {
      await runner.stop();
      await readStore.close();
    },
  };
}

describe('schema evolution: a log written in older shapes', () => {
  let legacyRaw: EventStore;
  let currentRaw: EventStore;
  let legacy: EventStore;
  let current: EventStore;

  beforeAll(async () => {
    legacyRaw = await storeOf(fixture('legacy-shape.jsonl'));
    currentRaw = await storeOf(fixture('current-shape.jsonl'));
    legacy = new UpcastingEventStore(legacyRaw);
    current = new UpcastingEventStore(currentRaw);
  });
  afterAll(async () => {
    await legacy.close();
    await current.close();
  });

  it('holds the older shapes as stored (what replay --raw shows)', async () => {
    const [registered] = await legacyRaw.readStream(resellerStream('acme-resale'));
    expect(registered.type).toBe('ResellerSignedUp');
    expect(registered.metadata.schemaVersion).toBe(1);
    expect(registered.data).toMatchObject({ company: 'Acme Resale' });
  });

  it('reads every event in today’s shape, identical to the same history written today', async () => {
    const view = async (s: EventStore) =>
      (await s.readAll({ limit: 1000 })).events.map((e) => ({
        streamId: e.streamId,
        revision: e.revision,
        type: e.type,
        data: e.data,
        schemaVersion: e.metadata.schemaVersion,
      }));
    expect(await view(legacy)).toEqual(await view(current));
  });

  it('folds to the same states', async () => {
    expect(await loadState(legacy, resellerStream('acme-resale'), resellerDecider)).toEqual(
      await loadState(current, resellerStream('acme-resale'), resellerDecider),
    );
    expect(await loadState(legacy, organizationStream('globex'), organizationDecider)).toEqual(
      await loadState(current, organizationStream('globex'), organizationDecider),
    );
  });

  it('projects to the same read models, collection by collection', async () => {
    const a = await project(legacy);
    const b = await project(current);
    try {
      expect(a.digests).toEqual(b.digests);
      expect(Object.keys(a.digests).length).toBeGreaterThan(10);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('verifies: the chain is over the stored bytes, not the upcast ones', async () => {
    const upcast = (await legacy.readStream(resellerStream('acme-resale')))[0];
    expect(upcast.type).toBe('ResellerRegistered');
    expect(storedFormOf(upcast).type).toBe('ResellerSignedUp');
    const checkpoints = await openSqliteCheckpointStore(':memory:');
    const result = await verifyLedger(legacy, checkpoints);
    await checkpoints.close();
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.eventsChecked).toBe(16);
  });
});
