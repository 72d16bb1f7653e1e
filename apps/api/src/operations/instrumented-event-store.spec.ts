import { EventStoreDbEventStore } from '@channel-ledger/event-store';
import { FakeEsdbLog, fakeEsdbClient } from '@channel-ledger/event-store/testing/fake-esdb-client';
import { DataSubjects, InMemorySubjectKeyStore, wrapLedgerEventStore } from '@channel-ledger/application';
import { InstrumentedEventStore } from './instrumented-event-store';
import { Metrics } from './metrics';

describe('InstrumentedEventStore', () => {
  it('finds the EventStoreDB store under the ledger’s decorators, for its subscription health', async () => {
    const raw = new EventStoreDbEventStore(fakeEsdbClient(new FakeEsdbLog()));
    const ledger = wrapLedgerEventStore(raw, new InMemorySubjectKeyStore(), new DataSubjects('instrumented-event-store-test'));
    const measured = new InstrumentedEventStore(ledger, new Metrics(), raw);
    expect(measured.eventStoreDb).toBe(raw);
    expect(new InstrumentedEventStore(ledger, new Metrics()).eventStoreDb).toBeNull();
    await raw.close();
  });
});
