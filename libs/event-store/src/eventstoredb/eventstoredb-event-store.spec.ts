import type { EventStore } from '../port';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { openEventStoreDbEventStore } from './eventstoredb-event-store';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  // A real server over the network: give each test more room than Jest's 5 s default.
  jest.setTimeout(30_000);
  describeEventStoreContract('eventstoredb', {
    open: (options) => openEventStoreDbEventStore({ connectionString, clock: options?.clock }),
    // Every store is its own client (its own gRPC connection) to the same server.
    openAnotherConnection: (_store: EventStore, options) => openEventStoreDbEventStore({ connectionString, clock: options?.clock }),
    supportsInitialPosition: false,
    detectsDuplicateIdsAcrossStreams: false,
    requiresLowercaseUuidEventIds: true,
  });
} else {
  describe.skip('EventStore contract: eventstoredb', () => {
    console.info(
      'EventStoreDB contract suite skipped: EVENTSTORE_CONNECTION_STRING is not set ' +
        '(docker compose up -d --wait eventstore, then EVENTSTORE_CONNECTION_STRING=esdb://localhost:2113?tls=false, or npm run test:servers)',
    );
    it('needs a running EventStoreDB', () => undefined);
  });
}
