import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AllSubscription, EventStore, openSqliteEventStore, RecordedEvent } from '@channel-ledger/event-store';
import { commandEvents, freshStream, within } from '@channel-ledger/event-store/testing/contract-helpers';
import { describeEventStoreContract } from '@channel-ledger/event-store/testing/event-store.contract';
import { SharedReadsEventStore } from './shared-reads';

const directory = mkdtempSync(join(tmpdir(), 'shared-reads-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let files = 0;
const pathOf = new WeakMap<EventStore, string>();

// The wrapper is still an EventStore: the whole port contract, subscriptions included.
describeEventStoreContract('sqlite behind shared subscriptions', {
  async open(options) {
    const path = join(directory, `events-${++files}.sqlite`);
    const store = new SharedReadsEventStore(await openSqliteEventStore({ path, ...options }));
    pathOf.set(store, path);
    return store;
  },
  async openAnotherConnection(store, options) {
    const path = pathOf.get(store)!;
    const other = new SharedReadsEventStore(await openSqliteEventStore({ path, ...options }));
    pathOf.set(other, path);
    return other;
  },
  supportsInitialPosition: true,
  detectsDuplicateIdsAcrossStreams: true,
});

/** Counts the subscriptions opened on the store below. */
class CountingStore extends SharedReadsEventStore {
  static async open(tailEvents?: number): Promise<{ store: SharedReadsEventStore; opened: () => number }> {
    const inner = await openSqliteEventStore({ path: join(directory, `counted-${++files}.sqlite`) });
    let opened = 0;
    const subscribe = inner.subscribeToAll.bind(inner);
    inner.subscribeToAll = (options) => {
      opened++;
      return subscribe(options);
    };
    return { store: new SharedReadsEventStore(inner, tailEvents), opened: () => opened };
  }
}

async function appendOne(store: EventStore, streamId = freshStream('subscription')): Promise<bigint> {
  return (await store.append(streamId, commandEvents({ type: 'SeatsAdded', data: { seats: 1 } }), 'any')).position;
}

/** One iterator per subscription (each call of [Symbol.asyncIterator] would start another). */
const iterators = new WeakMap<AllSubscription, AsyncIterator<RecordedEvent>>();
function iteratorOf(subscription: AllSubscription): AsyncIterator<RecordedEvent> {
  let iterator = iterators.get(subscription);
  if (!iterator) iterators.set(subscription, (iterator = subscription[Symbol.asyncIterator]()));
  return iterator;
}

async function take(subscription: AllSubscription, count: number): Promise<RecordedEvent[]> {
  const taken: RecordedEvent[] = [];
  while (taken.length < count) {
    const next = await within(iteratorOf(subscription).next(), 5000, `event ${taken.length + 1} of ${count}`);
    if (next.done) throw new Error(`subscription ended after ${taken.length} of ${count} events`);
    taken.push(next.value);
  }
  return taken;
}

async function positions(subscription: AllSubscription, count: number): Promise<bigint[]> {
  return (await take(subscription, count)).map((event) => event.position);
}

describe('SharedReadsEventStore', () => {
  it('reads each event once for all live subscribers, each from its own position', async () => {
    const { store, opened } = await CountingStore.open();
    const first = await appendOne(store);
    const second = await appendOne(store);
    const fromStart = store.subscribeToAll();
    const fromFirst = store.subscribeToAll({ after: first });
    const third = await appendOne(store);
    expect(await positions(fromStart, 3)).toEqual([first, second, third]);
    expect(await positions(fromFirst, 2)).toEqual([second, third]);
    expect(opened()).toBe(1);
    await store.close();
  });

  it('hands every subscriber the same event objects', async () => {
    const { store } = await CountingStore.open();
    const a = store.subscribeToAll();
    const b = store.subscribeToAll();
    await appendOne(store);
    const [fromA] = await take(a, 1);
    const [fromB] = await take(b, 1);
    expect(fromA).toBe(fromB);
    await store.close();
  });

  it('a subscriber behind the tail reads pages from the store until it reaches it, in order and without gaps', async () => {
    const { store } = await CountingStore.open(3);
    const live = store.subscribeToAll();
    const appended: bigint[] = [];
    for (let i = 0; i < 20; i++) appended.push(await appendOne(store));
    expect(await positions(live, 20)).toEqual(appended); // the tail now holds the last 3 to 6 only
    const late = store.subscribeToAll({ after: appended[1] });
    const more = [await appendOne(store), await appendOne(store)];
    expect(await positions(late, 20)).toEqual([...appended.slice(2), ...more]);
    await store.close();
  });

  it('close() ends a subscriber waiting for the next event, and the others go on', async () => {
    const { store } = await CountingStore.open();
    const stays = store.subscribeToAll();
    const leaves = store.subscribeToAll();
    const pending = iteratorOf(leaves).next();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await leaves.close();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    const position = await appendOne(store);
    expect(await positions(stays, 1)).toEqual([position]);
    await store.close();
  });

  it('the last subscriber gone closes the one below; the next subscriber opens a new one', async () => {
    const { store, opened } = await CountingStore.open();
    const first = await appendOne(store);
    const a = store.subscribeToAll();
    expect(await positions(a, 1)).toEqual([first]);
    await a.close();
    const second = await appendOne(store);
    const b = store.subscribeToAll({ after: first });
    expect(await positions(b, 1)).toEqual([second]);
    expect(opened()).toBe(2);
    await store.close();
  });

  it('a failing subscription below fails every subscriber; a new subscriber starts afresh', async () => {
    const inner = await openSqliteEventStore({ path: join(directory, `failing-${++files}.sqlite`) });
    let failing = true;
    const subscribe = inner.subscribeToAll.bind(inner);
    inner.subscribeToAll = (options) => {
      const below = subscribe(options);
      if (!failing) return below;
      return {
        close: () => below.close(),
        async *[Symbol.asyncIterator](): AsyncGenerator<RecordedEvent> {
          for await (const event of below) {
            yield event;
            throw new Error('cannot decrypt');
          }
        },
      };
    };
    const store = new SharedReadsEventStore(inner);
    const a = store.subscribeToAll();
    const b = store.subscribeToAll();
    const first = await appendOne(store);
    await appendOne(store);
    for (const subscription of [a, b]) {
      const iterator = iteratorOf(subscription);
      expect((await iterator.next()).value?.position).toBe(first);
      await expect(iterator.next()).rejects.toThrow('cannot decrypt');
    }
    failing = false;
    const again = store.subscribeToAll({ after: first });
    expect((await take(again, 1))[0].position).toBeGreaterThan(first);
    await store.close();
  });
});
