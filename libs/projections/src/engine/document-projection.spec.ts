import type { SeatAssigned, SeatUnassigned, SubscriptionExpired, SubscriptionPurchased } from '@channel-ledger/domain';
import type { RecordedEvent } from '@channel-ledger/event-store';
import type { ReadDocument } from '@channel-ledger/read-store';
import * as ev from '../testing/channel-events';
import { projectionHarness } from '../testing/projection-harness';
import { RecordedLog } from '../testing/recorded';
import {
  asLedgerEvent,
  defineDocumentProjection,
  defineLedgerProjection,
  type DocumentEvolution,
  type EventWrites,
} from './document-projection';
import type { ProjectionView } from './projection';

/** Who holds a seat of a subscription: one document per subscription, gone when it expires. */
type SeatHolders = { id: string; seats: number; holders: string[] };
type SeatEvent = SubscriptionPurchased | SeatAssigned | SeatUnassigned | SubscriptionExpired;

const seatHolders: DocumentEvolution<SeatHolders, SeatEvent> = {
  collection: 'seat_holders',
  handles: ['SubscriptionPurchased', 'SeatAssigned', 'SeatUnassigned', 'SubscriptionExpired'],
  keyOf: (event) => event.data.subscriptionId,
  evolve(subscription, event) {
    switch (event.type) {
      case 'SubscriptionPurchased':
        return { id: event.data.subscriptionId, seats: event.data.seats, holders: [] };
      case 'SeatAssigned':
        if (!subscription || subscription.holders.includes(event.data.email)) return subscription;
        return { ...subscription, holders: [...subscription.holders, event.data.email] };
      case 'SeatUnassigned':
        return subscription && { ...subscription, holders: subscription.holders.filter((email) => email !== event.data.email) };
      case 'SubscriptionExpired':
        return null;
    }
  },
};

const seatHoldersProjection = defineDocumentProjection({
  ...seatHolders,
  name: 'seat-holders',
  version: 1,
  collection: { name: 'seat_holders', indexes: [] },
});

/** The documents as a Map, read and written like a projection's view (nothing else is needed here). */
function memoryView(...documents: [string, ReadDocument][]): ProjectionView {
  const stored = new Map(documents.map(([collection, document]) => [`${collection}/${document.id}`, document]));
  return {
    get: async (collection, id) => stored.get(`${collection}/${id}`) ?? null,
    find: () => Promise.reject(new Error('not used')),
    count: () => Promise.reject(new Error('not used')),
  };
}

const log = new RecordedLog();
const recorded = (event: { type: string; data: object }): RecordedEvent => log.append(ev.channelStreamOf(event), event);
const holders = (seats: number, ...emails: string[]): SeatHolders => ({ id: 'sub-1', seats, holders: emails });

describe('defineDocumentProjection (one document per key)', () => {
  it('creates, evolves and deletes documents (on a real SQLite read store)', async () => {
    const harness = await projectionHarness(seatHoldersProjection);
    try {
      await harness.apply(
        recorded(ev.subscriptionPurchased()),
        recorded(ev.seatAssigned()),
        recorded(ev.subscriptionPurchased({ subscriptionId: 'sub-2' })),
      );
      await harness.apply(recorded(ev.seatAssigned({ email: 'erin@acme.test' })), recorded(ev.seatUnassigned()));
      expect(await harness.all('seat_holders')).toEqual([holders(5, 'erin@acme.test'), { id: 'sub-2', seats: 5, holders: [] }]);

      await harness.apply(recorded(ev.subscriptionExpired({ subscriptionId: 'sub-2' })));
      expect(await harness.all('seat_holders')).toEqual([holders(5, 'erin@acme.test')]);
    } finally {
      await harness.close();
    }
  });

  it('puts what evolve returns, and writes nothing when it returns the document it was given', async () => {
    const view = memoryView(['seat_holders', holders(5, 'dave@acme.test')]);
    expect(await seatHoldersProjection.apply(recorded(ev.seatAssigned({ email: 'erin@acme.test' })), view)).toEqual([
      { type: 'put', collection: 'seat_holders', document: holders(5, 'dave@acme.test', 'erin@acme.test') },
    ]);
    expect(await seatHoldersProjection.apply(recorded(ev.seatAssigned()), view)).toEqual([]);
    // A new object with the same content is written again (harmless: the batch writes each document once).
    expect(await seatHoldersProjection.apply(recorded(ev.seatUnassigned({ email: 'nobody@acme.test' })), view)).toEqual([
      { type: 'put', collection: 'seat_holders', document: holders(5, 'dave@acme.test') },
    ]);
  });

  it('deletes a document evolve returns null for, and writes nothing for one that is not there', async () => {
    const view = memoryView(['seat_holders', holders(5)]);
    expect(await seatHoldersProjection.apply(recorded(ev.subscriptionExpired()), view)).toEqual([
      { type: 'delete', collection: 'seat_holders', id: 'sub-1' },
    ]);
    expect(await seatHoldersProjection.apply(recorded(ev.subscriptionExpired({ subscriptionId: 'sub-9' })), view)).toEqual([]);
    expect(await seatHoldersProjection.apply(recorded(ev.seatAssigned({ subscriptionId: 'sub-9' })), view)).toEqual([]);
  });

  it('handles the types it names', () => {
    expect(seatHoldersProjection.handles).toEqual(['SubscriptionPurchased', 'SeatAssigned', 'SeatUnassigned', 'SubscriptionExpired']);
    expect(seatHoldersProjection.collections).toEqual([{ name: 'seat_holders', indexes: [] }]);
  });

  it('evolves every document an event names, each with its own id; none for a null key', async () => {
    type Mentions = { id: string; mentions: number };
    const mentions = defineDocumentProjection<Mentions, SeatAssigned>({
      name: 'mentions',
      version: 1,
      collection: { name: 'mentions', indexes: [] },
      handles: ['SeatAssigned'],
      keyOf: (event) => (event.data.email.endsWith('@acme.test') ? [event.data.subscriptionId, event.data.email] : null),
      evolve: (mention, _event, id) => ({ id, mentions: (mention?.mentions ?? 0) + 1 }),
    });
    const view = memoryView(['mentions', { id: 'sub-1', mentions: 2 }]);
    expect(await mentions.apply(recorded(ev.seatAssigned()), view)).toEqual([
      { type: 'put', collection: 'mentions', document: { id: 'sub-1', mentions: 3 } },
      { type: 'put', collection: 'mentions', document: { id: 'dave@acme.test', mentions: 1 } },
    ]);
    expect(await mentions.apply(recorded(ev.seatAssigned({ email: 'mallory@evil.test' })), view)).toEqual([]);
  });

  it('refuses a document whose id is not the key it was evolved for', async () => {
    const misfiled = defineDocumentProjection<SeatHolders, SubscriptionPurchased>({
      name: 'misfiled',
      version: 1,
      collection: { name: 'seat_holders', indexes: [] },
      handles: ['SubscriptionPurchased'],
      keyOf: () => 'sub-1',
      evolve: () => ({ id: 'sub-2', seats: 1, holders: [] }),
    });
    await expect(misfiled.apply(recorded(ev.subscriptionPurchased()), memoryView())).rejects.toThrow(
      'seat_holders/sub-1: evolve returned a document with id "sub-2"',
    );
  });
});

describe('defineLedgerProjection (document evolutions beside typed writes)', () => {
  /** A typed raw part: counts assignments per subscription, reading the document the evolution keeps. */
  const assignmentCounts: EventWrites<SeatAssigned> = {
    handles: ['SeatAssigned'],
    async writes(event, view) {
      const before = (await view.get('seat_holders', event.data.subscriptionId)) as SeatHolders | null;
      return [{ type: 'put', collection: 'assignments', document: { id: event.data.email, holdersBefore: before?.holders.length ?? 0 } }];
    },
  };
  const projection = defineLedgerProjection({
    name: 'seats',
    version: 1,
    collections: [
      { name: 'seat_holders', indexes: [] },
      { name: 'assignments', indexes: [] },
    ],
    documents: [seatHolders],
    writes: [assignmentCounts],
  });

  it('handles what its parts handle, each type once', () => {
    expect(projection.handles).toEqual(['SubscriptionPurchased', 'SeatAssigned', 'SeatUnassigned', 'SubscriptionExpired']);
  });

  it('runs every part that handles the event; each sees the documents as they were before it', async () => {
    const view = memoryView(['seat_holders', holders(5, 'dave@acme.test')]);
    expect(await projection.apply(recorded(ev.seatAssigned({ email: 'erin@acme.test' })), view)).toEqual([
      { type: 'put', collection: 'seat_holders', document: holders(5, 'dave@acme.test', 'erin@acme.test') },
      { type: 'put', collection: 'assignments', document: { id: 'erin@acme.test', holdersBefore: 1 } },
    ]);
    expect(await projection.apply(recorded(ev.subscriptionExpired()), view)).toEqual([
      { type: 'delete', collection: 'seat_holders', id: 'sub-1' },
    ]);
  });

  it('writes nothing for an event no part handles', async () => {
    expect(await projection.apply(recorded(ev.seatsPurchased()), memoryView())).toEqual([]);
  });
});

describe('asLedgerEvent', () => {
  it('is the recorded event itself, its data typed by its type', () => {
    const event = recorded(ev.seatsPurchased());
    const typed = asLedgerEvent(event);
    expect(typed).toBe(event);
    // Compiles only because the type narrows the data.
    if (typed.type === 'SeatsPurchased') expect(typed.data.seatsAfter - typed.data.seatsBefore).toBe(typed.data.seatsAdded);
  });
});
