import { randomUUID } from 'node:crypto';
import { AccessDeniedError, EventStoreDBClient, NotLeaderError } from '@eventstore/db-client';
import { AppendTooLargeError, DuplicateEventIdError, EventStore, SubscriptionStoppedError } from '../port';
import { commandEvents, freshStream, ManualClock, oneEvent, takeFrom, within } from '../testing/contract-helpers';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { EventStoreDbEventStore, SubscriptionIncident } from './eventstoredb-event-store';
import { FakeEsdbLog, fakeEsdbClient } from '../testing/fake-esdb-client';

/**
 * The adapter's own logic (chain sealing, idempotency window, expected-revision mapping, $all
 * paging and system-event skipping, resubscription) against an in-memory fake of the client that
 * answers the way the server does (see fake-esdb-client.ts).
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
  requiresLowercaseUuidEventIds: true,
});

describe('eventstoredb adapter: subscriptions that drop or stop', () => {
  function storeWithIncidents(log: FakeEsdbLog) {
    const incidents: SubscriptionIncident[] = [];
    const store = new EventStoreDbEventStore(fakeEsdbClient(log), { subscriptionRetryDelayMs: 1 });
    store.onSubscriptionIncident((incident) => incidents.push(incident));
    return { store, incidents };
  }

  it('resubscribes from the last delivered position after a drop: nothing lost, nothing twice, the drop reported', async () => {
    const log = new FakeEsdbLog();
    const { store, incidents } = storeWithIncidents(log);
    const streamId = freshStream();
    await store.append(streamId, oneEvent('First'), 'no-stream');
    const subscription = store.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await takeFrom(iterator, 1, [streamId]))[0].type).toBe('First');

    log.dropSubscriptions();
    await store.append(streamId, oneEvent('Second'), 0n);
    await store.append(streamId, oneEvent('Third'), 1n);
    expect((await takeFrom(iterator, 2, [streamId])).map((e) => e.type)).toEqual(['Second', 'Third']);
    expect(incidents).toEqual([
      expect.objectContaining({ kind: 'dropped', errorType: 'unavailable', reason: 'connection lost', consecutiveDrops: 1 }),
    ]);
    expect(store.subscriptionHealth()).toMatchObject({
      open: 1,
      drops: 1,
      reconnecting: 0,
      lastDrop: { reason: 'connection lost' },
      stopped: null,
    });
    await subscription.close();
    await expect(iterator.next()).resolves.toMatchObject({ done: true });
    expect(store.subscriptionHealth().open).toBe(0);
    await store.close();
  });

  it('stops with the reason when access is denied, instead of retrying forever', async () => {
    const log = new FakeEsdbLog();
    const { store, incidents } = storeWithIncidents(log);
    log.subscriptionFailure = new AccessDeniedError(undefined, 'Access denied');
    const iterator = store.subscribeToAll()[Symbol.asyncIterator]();
    const error = await within(
      iterator.next().then(
        () => null,
        (e: unknown) => e,
      ),
      5000,
      'the subscription to stop',
    );
    expect(error).toBeInstanceOf(SubscriptionStoppedError);
    expect((error as Error).message).toMatch(/denied access to \$all.*EVENTSTORE_CONNECTION_STRING/);
    expect(incidents.map((i) => i.kind)).toEqual(['stopped']);
    expect(store.subscriptionHealth()).toMatchObject({ open: 0, stopped: { reason: expect.stringMatching(/denied access/) } });
    await store.close();
  });

  it('follows the leader through a few not-leader answers, and stops once they keep coming', async () => {
    const log = new FakeEsdbLog();
    const { store, incidents } = storeWithIncidents(log);
    const notLeader = () => Object.assign(new Error('Not leader'), { type: 'not-leader' }) as unknown as NotLeaderError;
    log.subscriptionFailure = notLeader();
    const iterator = store.subscribeToAll()[Symbol.asyncIterator]();
    const error = await within(
      iterator.next().then(
        () => null,
        (e: unknown) => e,
      ),
      5000,
      'the subscription to stop',
    );
    expect(error).toBeInstanceOf(SubscriptionStoppedError);
    expect((error as Error).message).toMatch(/not leader.*5 times in a row/);
    expect(incidents.map((i) => i.kind)).toEqual(['dropped', 'dropped', 'dropped', 'dropped', 'stopped']);
    await store.close();
  });
});

describe('eventstoredb adapter: what the server does that the port must hide', () => {
  it('cancels a read it stops early, so the gRPC call does not keep streaming', async () => {
    const log = new FakeEsdbLog();
    const clock = new ManualClock(new Date('2024-03-01T00:00:00.000Z'));
    const store = new EventStoreDbEventStore(fakeEsdbClient(log), { clock: clock.now });
    const streamId = freshStream();
    for (let i = 0; i < 5; i++) {
      clock.set(`2024-03-0${i + 1}T00:00:00.000Z`);
      await store.append(streamId, oneEvent('Step', { i }), i === 0 ? 'no-stream' : BigInt(i - 1));
    }
    const before = log.cancelledReads;
    expect(await store.readStream(streamId, { recordedUpTo: '2024-03-02T00:00:00.000Z' })).toHaveLength(2);
    expect(log.cancelledReads).toBe(before + 1);
    expect(await store.readStream(streamId)).toHaveLength(5); // read to its end: nothing to cancel
    expect(log.cancelledReads).toBe(before + 1);
    await store.close();
  });

  it('answers a concurrent identical retry the server took as a repeat with the original result', async () => {
    const log = new FakeEsdbLog();
    const first = new EventStoreDbEventStore(fakeEsdbClient(log), { clock: () => new Date('2024-03-01T00:00:00.000Z') });
    const streamId = freshStream();
    const command = commandEvents({ type: 'SeatsPurchased', data: { seats: 2 } }, { type: 'InvoiceIssued', data: { total: '10.00' } });
    const original = await first.append(streamId, command, 'no-stream');

    // A second writer that read the stream before the first append landed: its own tail check
    // sees nothing, so only the server's idempotency (and the read-back) can recognize the repeat.
    const raced = racingClient(log, streamId);
    const second = new EventStoreDbEventStore(raced, { clock: () => new Date('2024-03-01T00:00:05.000Z') });
    await expect(second.append(streamId, command, 'no-stream')).resolves.toEqual(original);
    expect(await first.readStream(streamId)).toHaveLength(2);

    const third = new EventStoreDbEventStore(racingClient(log, streamId), { clock: () => new Date('2024-03-01T00:00:09.000Z') });
    const changed = command.map((e, i) => (i === 1 ? { ...e, data: { total: '99.00' } } : e));
    await expect(third.append(streamId, changed, 'no-stream')).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect(await first.readStream(streamId)).toHaveLength(2);
    await Promise.all([first.close(), second.close(), third.close()]);
  });

  it("turns the server's append size limit into AppendTooLargeError", async () => {
    const log = new FakeEsdbLog();
    log.maxAppendSize = 2_000; // a server configured below the port's own limit
    const store = new EventStoreDbEventStore(fakeEsdbClient(log));
    const streamId = freshStream();
    const error = await store.append(streamId, oneEvent('Bulky', { text: 'x'.repeat(3_000) }), 'no-stream').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppendTooLargeError);
    expect(error).toMatchObject({ streamId, limit: 2_000, bytes: null });
    expect(await store.readStream(streamId)).toEqual([]);
    await store.close();
  });

  it('reads back lower-cased ids equal to the ones it wrote (only lower-case UUIDs go in)', async () => {
    const log = new FakeEsdbLog();
    const store = new EventStoreDbEventStore(fakeEsdbClient(log));
    const streamId = freshStream();
    const events = oneEvent();
    await store.append(streamId, events, 'no-stream');
    const [stored] = await store.readStream(streamId);
    expect(stored.eventId).toBe(events[0].eventId);
    await expect(store.append(streamId, events, 'any')).resolves.toMatchObject({ nextExpectedRevision: 0n }); // a retry, recognized
    await store.close();
  });
});

/** A client whose first backwards read of `streamId` answers "no such stream", as if read before an append landed. */
function racingClient(log: FakeEsdbLog, streamId: string): EventStoreDBClient {
  const client = fakeEsdbClient(log);
  let stale = true;
  const readStream = client.readStream.bind(client);
  return Object.assign(Object.create(client) as EventStoreDBClient, {
    readStream: ((name: string, options: Parameters<EventStoreDBClient['readStream']>[1]) => {
      if (stale && name === streamId && options?.direction === 'backwards') {
        stale = false;
        return readStream(`${streamId}-not-there`, options);
      }
      return readStream(name, options);
    }) as EventStoreDBClient['readStream'],
  });
}
