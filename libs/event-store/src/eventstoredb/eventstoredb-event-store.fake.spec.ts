import { randomUUID } from 'node:crypto';
import type { EventStore } from '../port';
import { freshStream, oneEvent, takeFrom } from '../testing/contract-helpers';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { FakeEsdbLog, fakeEsdbClient } from './fake-esdb-client';

/**
 * The adapter's own logic (chain sealing, idempotency window, expected-revision mapping, $all
 * paging and system-event skipping, resubscription) against an in-memory fake of the client.
 */
const logOf = new WeakMap<EventStore, FakeEsdbLog>();

function openOn(log: FakeEsdbLog, clock?: () => Date): EventStore {
  // A system event between user events, as a real $all has them.
  log.write('$stats-fake', randomUUID(), '$statsCollected', {}, {});
  const store = new EventStoreDbEventStore(fakeEsdbClient(log), { clock });
  logOf.set(store, log);
  return store;
}

describeEventStoreContract('eventstoredb adapter on a fake client', {
  open: async (options) => openOn(new FakeEsdbLog(), options?.clock),
  openAnotherConnection: async (store, options) => openOn(logOf.get(store)!, options?.clock),
  supportsInitialPosition: false,
  detectsDuplicateIdsAcrossStreams: false,
});

describe('eventstoredb adapter: dropped subscriptions', () => {
  it('resubscribes from the last delivered position: nothing lost, nothing twice', async () => {
    const log = new FakeEsdbLog();
    const drops: unknown[] = [];
    const store = new EventStoreDbEventStore(fakeEsdbClient(log), { subscriptionRetryDelayMs: 1, onSubscriptionDropped: (e) => drops.push(e) });
    const streamId = freshStream();
    await store.append(streamId, oneEvent('First'), 'no-stream');
    const subscription = store.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await takeFrom(iterator, 1, [streamId]))[0].type).toBe('First');

    log.dropSubscriptions();
    await store.append(streamId, oneEvent('Second'), 0n);
    await store.append(streamId, oneEvent('Third'), 1n);
    expect((await takeFrom(iterator, 2, [streamId])).map((e) => e.type)).toEqual(['Second', 'Third']);
    expect(drops).toHaveLength(1);
    await subscription.close();
    await expect(iterator.next()).resolves.toMatchObject({ done: true });
    await store.close();
  });
});
