import { NotIndexedError } from '@channel-ledger/read-store';
import type { RecordedEvent } from '@channel-ledger/event-store';
import { ProjectionEventError } from './errors';
import { PendingBatch } from './pending-batch';
import { defineProjection, ProjectionView } from './projection';
import { openStores, tempDir } from '../testing/fixtures';
import { matchesWhere } from './where-match';

function event(position: number, type: string, data: Record<string, string | number | null>): RecordedEvent {
  return {
    streamId: 's',
    revision: BigInt(position),
    position: BigInt(position),
    eventId: `e${position}`,
    type,
    data,
    metadata: {} as RecordedEvent['metadata'],
  };
}

describe('PendingBatch (the view a projection reads through)', () => {
  const temp = tempDir();
  let stores: Awaited<ReturnType<typeof openStores>>;
  let seen: unknown[] = [];
  let probe: (view: ProjectionView) => Promise<unknown> = async () => null;

  const projection = defineProjection({
    name: 'items',
    version: 1,
    collections: [{ name: 'items', indexes: [{ fields: ['group', 'rank'] }] }],
    async apply(e, view) {
      seen.push(await probe(view));
      const { op, id, ...fields } = e.data as Record<string, string | number | null>;
      if (op === 'put') return [{ type: 'put', collection: 'items', document: { id: id as string, ...fields } }];
      if (op === 'patch') return [{ type: 'patch', collection: 'items', id: id as string, fields }];
      return [{ type: 'delete', collection: 'items', id: id as string }];
    },
  });

  beforeAll(async () => {
    stores = await openStores(temp.file('view.sqlite'));
    await stores.readStore.ensureCollection({ name: 'items__v1', indexes: [{ fields: ['group', 'rank'] }] });
    await stores.readStore.commit({
      operations: [
        { type: 'put', collection: 'items__v1', document: { id: 'stored-a', group: 'g', rank: 1 } },
        { type: 'put', collection: 'items__v1', document: { id: 'stored-b', group: 'g', rank: 5 } },
        { type: 'put', collection: 'items__v1', document: { id: 'stored-c', group: 'h', rank: 2 } },
      ],
    });
  });
  afterAll(async () => {
    await stores.close();
    temp.cleanup();
  });
  beforeEach(() => (seen = []));

  const batch = () => new PendingBatch(stores.readStore, projection, new Map([['items', 'items__v1']]));

  it('overlays the batch’s own puts, patches and deletes on the store for get and find', async () => {
    const b = batch();
    probe = async (view) => ({
      a: await view.get('items', 'stored-a'),
      g: (await view.find('items', { group: 'g' })).map((d) => `${d.id}:${d.rank}`),
      range: (await view.find('items', { group: 'g', rank: { gte: 2, lt: 10 } })).map((d) => d.id),
      count: await view.count('items', { group: 'g' }),
    });
    await b.add(event(1, 'x', { op: 'put', id: 'new-1', group: 'g', rank: 3 }));
    await b.add(event(2, 'x', { op: 'patch', id: 'stored-a', rank: 7 }));
    await b.add(event(3, 'x', { op: 'delete', id: 'stored-b' }));
    await b.add(event(4, 'x', { op: 'patch', id: 'stored-c', group: 'g' }));
    await b.add(event(5, 'x', { op: 'put', id: 'last', group: 'z', rank: 0 }));
    expect(seen[0]).toEqual({ a: { id: 'stored-a', group: 'g', rank: 1 }, g: ['stored-a:1', 'stored-b:5'], range: ['stored-b'], count: 2 });
    expect(seen[4]).toEqual({
      a: { id: 'stored-a', group: 'g', rank: 7 },
      g: ['new-1:3', 'stored-a:7', 'stored-c:2'],
      range: ['new-1', 'stored-a', 'stored-c'],
      count: 3,
    });
    expect(b.position).toBe(5n);
    expect(b.operations.every((op) => op.collection === 'items__v1')).toBe(true);
    // Nothing reached the store.
    expect(await stores.readStore.get('items__v1', 'new-1')).toBeNull();
  });

  it('refuses, naming the event, a patch of a missing document or a query no index serves, and keeps the batch as it was', async () => {
    const b = batch();
    probe = async () => null;
    await b.add(event(1, 'x', { op: 'put', id: 'ok', group: 'g', rank: 1 }));
    await expect(b.add(event(2, 'Patch', { op: 'patch', id: 'missing', rank: 1 }))).rejects.toMatchObject({
      position: 2n,
      eventType: 'Patch',
      reason: expect.stringContaining('does not exist'),
    });
    probe = (view) => view.find('items', { rank: 1 });
    const error = await b.add(event(3, 'Find', { op: 'delete', id: 'ok' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectionEventError);
    expect((error as ProjectionEventError).cause).toBeInstanceOf(NotIndexedError);
    expect(b.size).toBe(1);
    expect(b.position).toBe(1n);
  });

  it('matches where clauses with the store’s semantics', () => {
    const doc = { id: 'd', s: 'b', n: 2, z: null, t: true };
    expect(matchesWhere(doc, { s: 'b', n: 2 })).toBe(true);
    expect(matchesWhere(doc, { n: '2' })).toBe(false);
    expect(matchesWhere(doc, { missing: null, z: null })).toBe(true);
    expect(matchesWhere(doc, { t: true })).toBe(true);
    expect(matchesWhere(doc, { n: { gt: 1, lte: 2 } })).toBe(true);
    expect(matchesWhere(doc, { n: { gt: 2 } })).toBe(false);
    expect(matchesWhere(doc, { s: { gt: 1 } })).toBe(false); // a numeric range never matches strings
    expect(matchesWhere(doc, { s: { gte: 'a', lt: 'c' } })).toBe(true);
    expect(matchesWhere({ id: 'x', s: '\u{1F600}' }, { s: { gt: '\uFFFF' } })).toBe(true); // UTF-8 order
  });
});
