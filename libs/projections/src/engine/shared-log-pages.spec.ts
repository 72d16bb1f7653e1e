import type { EventStore, ReadAllOptions } from '@channel-ledger/event-store';
import { newEvent, openStores, tempDir } from '../testing/fixtures';
import { SharedLogPages } from './shared-log-pages';

describe('SharedLogPages', () => {
  const temp = tempDir('shared-pages-');
  let stores: Awaited<ReturnType<typeof openStores>>;
  let reads: ReadAllOptions[];
  let counting: EventStore;

  beforeAll(async () => {
    stores = await openStores(temp.file('events.sqlite'), temp.file('read.sqlite'));
    for (let i = 0; i < 5; i++) await stores.eventStore.append(`counter-${i}`, [newEvent('Counted', { i })], 'no-stream');
  });
  beforeEach(() => {
    reads = [];
    counting = Object.create(stores.eventStore, {
      readAll: { value: (options: ReadAllOptions) => (reads.push(options), stores.eventStore.readAll(options)) },
    }) as EventStore;
  });
  afterAll(async () => {
    await stores.close();
    temp.cleanup();
  });

  it('reads a full page once for every worker asking for it', async () => {
    const pages = new SharedLogPages(counting);
    const first = await pages.read(null, 2);
    const again = await pages.read(null, 2);
    expect(again).toBe(first);
    expect(first.events.map((e) => e.data.i)).toEqual([0, 1]);
    expect(reads).toHaveLength(1);
  });

  it('reads the end of the log again, since it may have grown', async () => {
    const pages = new SharedLogPages(counting);
    const head = (await stores.eventStore.headPosition())!;
    const last = await pages.read(head - 1n, 10);
    expect(last.isEnd).toBe(true);
    await stores.eventStore.append('counter-9', [newEvent('Counted', { i: 9 })], 'no-stream');
    const grown = await pages.read(head - 1n, 10);
    expect(grown.events.map((e) => e.data.i)).toEqual([4, 9]);
    expect(reads).toHaveLength(2);
  });
});
