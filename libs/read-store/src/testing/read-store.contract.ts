import { createHash } from 'node:crypto';
import {
  BatchRejectedError,
  CheckpointRegressionError,
  CollectionDeclarationMismatchError,
  DocumentTooLargeError,
  InvalidCursorError,
  NotIndexedError,
  ReadStoreUsageError,
  UnknownCollectionError,
} from '../errors';
import type { FindQuery, ReadDocument, ReadStore, WriteOperation } from '../port';
import { MAX_DOCUMENT_BYTES } from '../shared/document-size';
import { versionedCollectionName } from '../shared/names';

/** Fresh, empty storage per test; `open` may be called again after `close` to reopen the same data. */
export interface ReadStoreStorage {
  open(): Promise<ReadStore>;
  destroy(): Promise<void>;
  /**
   * Queries in the store's own language, for stores that keep documents as native, typed fields
   * (MongoDB: what dashboards and BI tools query). Absent: those cases are skipped.
   */
  native?: NativeFieldQueries;
}

/** Store-native questions about documents written through the port (collection: logical or physical name). */
export interface NativeFieldQueries {
  /** Ids (sorted) of documents whose `field` is an amount greater than `amount`, compared by the store as numbers. */
  amountGreaterThan(collection: string, field: string, amount: string): Promise<string[]>;
  /** The store's own sum of an amount field over the collection, as a decimal string. */
  sumOf(collection: string, field: string): Promise<string>;
  /** Ids (sorted) of documents whose `field` is an instant at or after `instant`, compared by the store as instants. */
  instantAtOrAfter(collection: string, field: string, instant: string): Promise<string[]>;
  /** Ids (sorted) of documents whose `field` holds exactly this string. */
  stringEquals(collection: string, field: string, value: string): Promise<string[]>;
  /** Whether the store answers this equality query from an index rather than by scanning the collection. */
  servedByIndex(collection: string, equals: Record<string, string>): Promise<boolean>;
}

export interface ReadStoreHarness {
  createStorage(): Promise<ReadStoreStorage>;
}

/**
 * The behaviour every ReadStore adapter must have. Adapter specs call this once:
 * `readStoreContract('sqlite', harness)`.
 */
export function readStoreContract(adapterName: string, harness: ReadStoreHarness): void {
  describe(`ReadStore contract: ${adapterName}`, () => {
    let storage: ReadStoreStorage;
    let store: ReadStore;

    beforeEach(async () => {
      storage = await harness.createStorage();
      store = await storage.open();
      await store.ensureCollection({
        name: 'subscriptions',
        indexes: [{ fields: ['resellerId', 'renewsOn'] }, { fields: ['seats'] }, { fields: ['licenseKey'], unique: true }],
      });
    });

    afterEach(async () => {
      await store.close();
      await storage.destroy();
    });

    const put = (collection: string, document: ReadDocument): WriteOperation => ({ type: 'put', collection, document });
    const putAll = (collection: string, documents: ReadDocument[]) =>
      store.commit({ operations: documents.map((d) => put(collection, d)) });

    /** Follows nextCursor to the end, returning every page. */
    async function allPages(collection: string, query: FindQuery): Promise<ReadDocument[][]> {
      const pages: ReadDocument[][] = [];
      let cursor: string | null = null;
      do {
        const page = await store.find(collection, { ...query, cursor });
        pages.push(page.documents);
        cursor = page.nextCursor;
      } while (cursor !== null && pages.length < 100);
      return pages;
    }

    describe('documents', () => {
      it('puts, gets, patches (shallow merge) and deletes a document', async () => {
        const doc = { id: 'sub-1', resellerId: 'r-1', seats: 5, amount: '1234.50', plan: { code: 'pro', tier: 2 } };
        await store.commit({ operations: [put('subscriptions', doc)] });
        expect(await store.get('subscriptions', 'sub-1')).toEqual(doc);

        await store.commit({
          operations: [{ type: 'patch', collection: 'subscriptions', id: 'sub-1', fields: { seats: 7, plan: { code: 'team' } } }],
        });
        expect(await store.get('subscriptions', 'sub-1')).toEqual({ ...doc, seats: 7, plan: { code: 'team' } });

        await store.commit({ operations: [put('subscriptions', { id: 'sub-1', seats: 1 })] });
        expect(await store.get('subscriptions', 'sub-1')).toEqual({ id: 'sub-1', seats: 1 });

        await store.commit({ operations: [{ type: 'delete', collection: 'subscriptions', id: 'sub-1' }] });
        expect(await store.get('subscriptions', 'sub-1')).toBeNull();
        await expect(store.commit({ operations: [{ type: 'delete', collection: 'subscriptions', id: 'sub-1' }] })).resolves.toBeUndefined();
      });

      it('applies a batch in order, across collections', async () => {
        await store.ensureCollection({ name: 'audit_trail', indexes: [] });
        await store.commit({
          operations: [
            put('subscriptions', { id: 's', seats: 1 }),
            { type: 'patch', collection: 'subscriptions', id: 's', fields: { seats: 2 } },
            put('audit_trail', { id: 'a', what: 'seats' }),
            { type: 'delete', collection: 'audit_trail', id: 'a' },
            put('audit_trail', { id: 'a', what: 'again' }),
          ],
        });
        expect(await store.get('subscriptions', 's')).toEqual({ id: 's', seats: 2 });
        expect(await store.get('audit_trail', 'a')).toEqual({ id: 'a', what: 'again' });
      });

      it('refuses unknown collections and redeclaring a collection with other indexes', async () => {
        await expect(store.get('nothing_here', 'x')).rejects.toBeInstanceOf(UnknownCollectionError);
        await expect(store.commit({ operations: [put('nothing_here', { id: 'x' })] })).rejects.toBeInstanceOf(UnknownCollectionError);
        await expect(
          store.ensureCollection({
            name: 'subscriptions',
            indexes: [{ fields: ['licenseKey'], unique: true }, { fields: ['seats'] }, { fields: ['resellerId', 'renewsOn'] }],
          }),
        ).resolves.toBeUndefined();
        await expect(store.ensureCollection({ name: 'subscriptions', indexes: [{ fields: ['seats'] }] })).rejects.toBeInstanceOf(
          CollectionDeclarationMismatchError,
        );
        expect((await store.listCollections()).map((c) => c.name)).toEqual(['subscriptions']);
      });
    });

    describe('find', () => {
      // 23 subscriptions over two resellers with many renewsOn ties, so pages split inside tie groups.
      const fixtures: ReadDocument[] = Array.from({ length: 23 }, (_, i) => ({
        id: `sub-${String((i * 7) % 23).padStart(2, '0')}`,
        resellerId: i % 3 === 0 ? 'r-2' : 'r-1',
        renewsOn: `2025-0${1 + (i % 4)}-01`,
        seats: (i * 5) % 11,
      }));
      const byRenewalThenId = (a: ReadDocument, b: ReadDocument) =>
        a.renewsOn === b.renewsOn ? (a.id < b.id ? -1 : 1) : String(a.renewsOn) < String(b.renewsOn) ? -1 : 1;

      beforeEach(() => putAll('subscriptions', fixtures));

      it('pages through an equality + sort query with no duplicates, no gaps and ties broken by id', async () => {
        const expected = fixtures.filter((d) => d.resellerId === 'r-1').sort(byRenewalThenId);
        const pages = await allPages('subscriptions', {
          where: { resellerId: 'r-1' },
          sort: [{ field: 'renewsOn', direction: 'asc' }],
          limit: 4,
        });
        expect(pages.length).toBe(Math.ceil(expected.length / 4));
        expect(pages.flat()).toEqual(expected);

        const descending = await allPages('subscriptions', {
          where: { resellerId: 'r-1' },
          sort: [{ field: 'renewsOn', direction: 'desc' }],
          limit: 3,
        });
        expect(descending.flat()).toEqual([...expected].reverse());
      });

      it('pages by id when there is no sort, and the last page has no cursor', async () => {
        const pages = await allPages('subscriptions', { limit: 10 });
        expect(pages.map((p) => p.length)).toEqual([10, 10, 3]);
        expect(pages.flat().map((d) => d.id)).toEqual(fixtures.map((d) => d.id).sort());
        const exact = await store.find('subscriptions', { limit: 23 });
        expect(exact.nextCursor).toBeNull();
      });

      it('keeps cursor pagination stable while documents are inserted and deleted between pages', async () => {
        const query: FindQuery = { where: { resellerId: 'r-2' }, sort: [{ field: 'renewsOn', direction: 'asc' }], limit: 3 };
        const first = await store.find('subscriptions', query);
        await store.commit({
          operations: [
            put('subscriptions', { id: 'aaa-before', resellerId: 'r-2', renewsOn: '2000-01-01' }),
            put('subscriptions', { id: 'zzz-after', resellerId: 'r-2', renewsOn: '2099-01-01' }),
          ],
        });
        const rest: ReadDocument[] = [];
        let cursor = first.nextCursor;
        while (cursor) {
          const page = await store.find('subscriptions', { ...query, cursor });
          rest.push(...page.documents);
          cursor = page.nextCursor;
        }
        const expected = fixtures.filter((d) => d.resellerId === 'r-2').sort(byRenewalThenId);
        expect([...first.documents, ...rest].map((d) => d.id)).toEqual([...expected.map((d) => d.id), 'zzz-after']);
      });

      it('orders documents missing the sort field first (ascending) and still pages through them', async () => {
        await putAll('subscriptions', [
          { id: 'no-date-1', resellerId: 'r-3' },
          { id: 'no-date-2', resellerId: 'r-3', renewsOn: null },
          { id: 'dated', resellerId: 'r-3', renewsOn: '2025-01-01' },
        ]);
        const pages = await allPages('subscriptions', {
          where: { resellerId: 'r-3' },
          sort: [{ field: 'renewsOn', direction: 'asc' }],
          limit: 1,
        });
        expect(pages.flat().map((d) => d.id)).toEqual(['no-date-1', 'no-date-2', 'dated']);
      });

      it('filters by number and string ranges, bounded to the type of the bounds', async () => {
        await putAll('subscriptions', [{ id: 'seats-as-text', seats: 'seven' }]);
        const midSized = await allPages('subscriptions', { where: { seats: { gt: 3, lte: 8 } }, limit: 5 });
        const expected = fixtures.filter((d) => (d.seats as number) > 3 && (d.seats as number) <= 8);
        expect(midSized.flat().map((d) => d.seats)).toEqual(expected.map((d) => d.seats).sort((a, b) => Number(a) - Number(b)));
        expect(midSized.flat()).toHaveLength(expected.length);

        const negative = await store.find('subscriptions', { where: { seats: { lt: 0 } } });
        expect(negative.documents).toEqual([]);

        const spring = await store.find('subscriptions', {
          where: { resellerId: 'r-1', renewsOn: { gte: '2025-02-01', lt: '2025-04-01' } },
          sort: [{ field: 'renewsOn', direction: 'desc' }],
          limit: 100,
        });
        const expectedSpring = fixtures
          .filter((d) => d.resellerId === 'r-1' && String(d.renewsOn) >= '2025-02-01' && String(d.renewsOn) < '2025-04-01')
          .sort(byRenewalThenId)
          .reverse();
        expect(spring.documents).toEqual(expectedSpring);
        expect(await store.count('subscriptions', { seats: { gte: 0 } })).toBe(fixtures.length);
        expect(await store.count('subscriptions', { seats: { gte: 'a' } })).toBe(1);
      });

      it('counts by indexed fields', async () => {
        expect(await store.count('subscriptions')).toBe(23);
        expect(await store.count('subscriptions', { resellerId: 'r-2' })).toBe(fixtures.filter((d) => d.resellerId === 'r-2').length);
        expect(await store.count('subscriptions', { resellerId: 'r-9' })).toBe(0);
      });

      it('refuses queries that no declared index serves', async () => {
        await expect(store.find('subscriptions', { where: { plan: 'pro' } })).rejects.toBeInstanceOf(NotIndexedError);
        await expect(store.find('subscriptions', { where: { renewsOn: '2025-01-01' } })).rejects.toThrow(/No declared index/);
        await expect(store.find('subscriptions', { sort: [{ field: 'plan', direction: 'asc' }] })).rejects.toBeInstanceOf(NotIndexedError);
        await expect(
          store.find('subscriptions', { where: { resellerId: 'r-1' }, sort: [{ field: 'seats', direction: 'asc' }] }),
        ).rejects.toBeInstanceOf(NotIndexedError);
        await expect(store.count('subscriptions', { plan: 'pro' })).rejects.toBeInstanceOf(NotIndexedError);
        await expect(store.find('subscriptions', { where: { seats: { gt: 1, lt: 'x' } } })).rejects.toBeInstanceOf(ReadStoreUsageError);
      });

      it('refuses a cursor from another query', async () => {
        const page = await store.find('subscriptions', { where: { resellerId: 'r-1' }, limit: 2 });
        await expect(store.find('subscriptions', { where: { resellerId: 'r-2' }, cursor: page.nextCursor })).rejects.toBeInstanceOf(
          InvalidCursorError,
        );
        await expect(store.find('subscriptions', { cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidCursorError);
      });
    });

    describe('atomic commit with checkpoint', () => {
      const checkpoint = (position: string) => ({ projection: 'reseller-view', position });

      beforeEach(async () => {
        await store.commit({
          operations: [put('subscriptions', { id: 'existing', seats: 1, licenseKey: 'K-1' })],
          checkpoint: checkpoint('10'),
        });
      });

      async function expectNothingWritten(): Promise<void> {
        expect(await store.get('subscriptions', 'new')).toBeNull();
        expect(await store.get('subscriptions', 'existing')).toEqual({ id: 'existing', seats: 1, licenseKey: 'K-1' });
        expect(await store.count('subscriptions')).toBe(1);
        expect(await store.getCheckpoint('reseller-view')).toBe('10');
      }

      it('writes nothing when a patch targets a missing document', async () => {
        await expect(
          store.commit({
            operations: [
              put('subscriptions', { id: 'new', seats: 3 }),
              { type: 'patch', collection: 'subscriptions', id: 'existing', fields: { seats: 2 } },
              { type: 'patch', collection: 'subscriptions', id: 'missing', fields: { seats: 2 } },
            ],
            checkpoint: checkpoint('11'),
          }),
        ).rejects.toBeInstanceOf(BatchRejectedError);
        await expectNothingWritten();
      });

      it.each([
        ['undefined', undefined],
        ['NaN', Number.NaN],
        ['a bigint', 10n],
        ['a Date', new Date(0)],
      ])('writes nothing when a value is not JSON (%s)', async (_label, value) => {
        await expect(
          store.commit({
            operations: [
              put('subscriptions', { id: 'new', seats: 3 }),
              { type: 'patch', collection: 'subscriptions', id: 'existing', fields: { amount: value as never } },
            ],
            checkpoint: checkpoint('11'),
          }),
        ).rejects.toBeInstanceOf(ReadStoreUsageError);
        await expectNothingWritten();
      });

      it('writes nothing when an indexed field holds an object or a unique index is violated', async () => {
        await expect(
          store.commit({
            operations: [put('subscriptions', { id: 'new', seats: 3 }), put('subscriptions', { id: 'bad', seats: { n: 3 } })],
            checkpoint: checkpoint('11'),
          }),
        ).rejects.toBeInstanceOf(BatchRejectedError);
        await expectNothingWritten();
        await expect(
          store.commit({
            operations: [put('subscriptions', { id: 'new', seats: 3 }), put('subscriptions', { id: 'dup', licenseKey: 'K-1' })],
            checkpoint: checkpoint('11'),
          }),
        ).rejects.toBeInstanceOf(BatchRejectedError);
        await expectNothingWritten();
      });

      it('keeps positions past 2^53 exact, as strings, across a reopen', async () => {
        const beyondDoubles = (2n ** 53n + 1n).toString(); // 9007199254740993: not representable as a double
        await store.commit({ operations: [put('subscriptions', { id: 'new', seats: 3 })], checkpoint: checkpoint(beyondDoubles) });
        expect(await store.getCheckpoint('reseller-view')).toBe('9007199254740993');
        await store.close();
        store = await storage.open();
        expect(await store.getCheckpoint('reseller-view')).toBe('9007199254740993');
        expect(await store.getCheckpoint('customer-view')).toBeNull();
      });

      it('refuses to move a checkpoint backwards or to take a number; a replay at the same position is accepted', async () => {
        await expect(store.commit({ operations: [], checkpoint: checkpoint('9') })).rejects.toBeInstanceOf(CheckpointRegressionError);
        await expect(
          store.commit({ operations: [], checkpoint: { projection: 'reseller-view', position: 12 as unknown as string } }),
        ).rejects.toBeInstanceOf(ReadStoreUsageError);
        await expect(store.commit({ operations: [], checkpoint: checkpoint('-1') })).rejects.toBeInstanceOf(ReadStoreUsageError);
        await expect(store.commit({ operations: [], checkpoint: checkpoint('10') })).resolves.toBeUndefined();
        await store.deleteCheckpoint('reseller-view');
        expect(await store.getCheckpoint('reseller-view')).toBeNull();
        await store.commit({ operations: [], checkpoint: checkpoint('0') });
        expect(await store.getCheckpoint('reseller-view')).toBe('0');
      });
    });

    describe('versioned collections (blue/green rebuild)', () => {
      const v1 = versionedCollectionName('reseller_view', 1);
      const v2 = versionedCollectionName('reseller_view', 2);

      it('switches readers from one version to the next in one step, pinning open cursors to their version', async () => {
        await store.ensureCollection({ name: v1, indexes: [{ fields: ['resellerId'] }] });
        await putAll(
          v1,
          Array.from({ length: 6 }, (_, i) => ({ id: `org-${i}`, resellerId: 'r-1', version: 1 })),
        );
        expect(await store.setAlias('reseller_view', v1)).toBeNull();
        expect(await store.resolve('reseller_view')).toBe(v1);
        expect(await store.resolve(v1)).toBe(v1);

        const firstPage = await store.find('reseller_view', { where: { resellerId: 'r-1' }, limit: 4 });
        expect(firstPage.documents.map((d) => d.version)).toEqual([1, 1, 1, 1]);

        // The rebuild fills v2 while v1 keeps serving.
        await store.ensureCollection({ name: v2, indexes: [{ fields: ['resellerId'] }, { fields: ['name'] }] });
        await putAll(
          v2,
          Array.from({ length: 6 }, (_, i) => ({ id: `org-${i}`, resellerId: 'r-1', version: 2 })),
        );
        expect((await store.get('reseller_view', 'org-0'))?.version).toBe(1);

        expect(await store.setAlias('reseller_view', v2)).toBe(v1);
        expect((await store.get('reseller_view', 'org-0'))?.version).toBe(2);
        expect(await store.listAliases()).toEqual([{ logical: 'reseller_view', physical: v2 }]);

        const secondPage = await store.find('reseller_view', { where: { resellerId: 'r-1' }, limit: 4, cursor: firstPage.nextCursor });
        expect(secondPage.documents.map((d) => [d.id, d.version])).toEqual([
          ['org-4', 1],
          ['org-5', 1],
        ]);

        await expect(store.dropCollection(v2)).rejects.toThrow(/alias/);
        await store.dropCollection(v1);
        expect((await store.listCollections()).map((c) => c.name)).toEqual([v2, 'subscriptions'].sort());
        await expect(
          store.find('reseller_view', { where: { resellerId: 'r-1' }, limit: 4, cursor: firstPage.nextCursor }),
        ).rejects.toBeInstanceOf(InvalidCursorError);
        await expect(store.get(v1, 'org-0')).rejects.toBeInstanceOf(UnknownCollectionError);
        await expect(store.dropCollection(v1)).resolves.toBeUndefined();
      });

      it('writes through an alias, and refuses aliases that clash with collections', async () => {
        await store.ensureCollection({ name: v1, indexes: [] });
        await store.setAlias('reseller_view', v1);
        await store.commit({ operations: [put('reseller_view', { id: 'org-1' })] });
        expect(await store.get(v1, 'org-1')).toEqual({ id: 'org-1' });
        await expect(store.setAlias('subscriptions', v1)).rejects.toBeInstanceOf(ReadStoreUsageError);
        await expect(store.setAlias('other_view', 'missing__v1')).rejects.toBeInstanceOf(UnknownCollectionError);
        await expect(store.ensureCollection({ name: 'reseller_view', indexes: [] })).rejects.toBeInstanceOf(ReadStoreUsageError);
      });
    });

    describe('document size', () => {
      it(`refuses a document over ${MAX_DOCUMENT_BYTES} bytes with DocumentTooLargeError, writing nothing of the batch`, async () => {
        await store.commit({
          operations: [put('subscriptions', { id: 'existing', seats: 1 })],
          checkpoint: { projection: 'size', position: '1' },
        });
        const huge = 'x'.repeat(MAX_DOCUMENT_BYTES + 1);
        const refused = store.commit({
          operations: [put('subscriptions', { id: 'new', seats: 2 }), put('subscriptions', { id: 'huge', notes: huge })],
          checkpoint: { projection: 'size', position: '2' },
        });
        await expect(refused).rejects.toBeInstanceOf(DocumentTooLargeError);
        await expect(refused).rejects.toThrow(/subscriptions\/huge .*over the \d+-byte limit/);
        // A patch that grows a document past the limit is refused alike.
        await expect(
          store.commit({ operations: [{ type: 'patch', collection: 'subscriptions', id: 'existing', fields: { notes: huge } }] }),
        ).rejects.toBeInstanceOf(DocumentTooLargeError);
        expect(await store.get('subscriptions', 'new')).toBeNull();
        expect(await store.get('subscriptions', 'existing')).toEqual({ id: 'existing', seats: 1 });
        expect(await store.getCheckpoint('size')).toBe('1');
        // Just under the limit is fine.
        const large = { id: 'large', notes: 'y'.repeat(MAX_DOCUMENT_BYTES - 100) };
        await store.commit({ operations: [put('subscriptions', large)] });
        expect(((await store.get('subscriptions', 'large'))?.notes as string).length).toBe(large.notes.length);
      });
    });

    describe('native fields (stores that keep typed documents)', () => {
      const sales: ReadDocument[] = [
        {
          id: 's-1',
          vendorId: 'v-1',
          month: '2026-01',
          currency: 'USD',
          totalRevenue: '960.00',
          invoiceId: '1001',
          createdAt: '2026-01-31T09:00:00.000Z',
          lines: [{ amount: '960.00', seats: 10 }],
        },
        {
          id: 's-2',
          vendorId: 'v-1',
          month: '2026-02',
          currency: 'USD',
          totalRevenue: '99.00',
          invoiceId: '1002',
          createdAt: '2026-02-10T00:00:00.000Z',
          lines: [],
        },
        {
          id: 's-3',
          vendorId: 'v-2',
          month: '2026-02',
          currency: 'JPY',
          totalRevenue: '24000',
          invoiceId: '1003',
          createdAt: '2026-02-28T23:59:59.999Z',
          lines: [],
        },
      ];

      it('keeps amounts exact and numeric, instants as instants and ids as strings, queryable through the logical name', async () => {
        const native = storage.native;
        if (!native) return; // this store keeps documents as text; nothing native to query
        const physical = versionedCollectionName('sales', 1);
        await store.ensureCollection({ name: physical, indexes: [{ fields: ['vendorId', 'month'] }] });
        await store.setAlias('sales', physical);
        await putAll('sales', sales);
        for (const document of sales) expect(await store.get('sales', document.id)).toEqual(document);

        // "99.00" < "100" as numbers, though not as text; "24000" has no decimal point (JPY).
        expect(await native.amountGreaterThan('sales', 'totalRevenue', '100')).toEqual(['s-1', 's-3']);
        expect(await native.sumOf('sales', 'totalRevenue')).toBe('25059.00');
        expect(await native.instantAtOrAfter('sales', 'createdAt', '2026-02-10T00:00:00.000Z')).toEqual(['s-2', 's-3']);
        expect(await native.stringEquals('sales', 'invoiceId', '1002')).toEqual(['s-2']);
        expect(await native.servedByIndex('sales', { vendorId: 'v-1', month: '2026-02' })).toBe(true);
        // The port's own queries over the same native fields.
        const page = await store.find('sales', {
          where: { vendorId: 'v-1', month: { gte: '2026-01' } },
          sort: [{ field: 'month', direction: 'desc' }],
        });
        expect(page.documents.map((d) => d.id)).toEqual(['s-2', 's-1']);
      });

      it('pages and ranges over an indexed instant field as the port defines (text order of the ISO form)', async () => {
        // Every adapter: MongoDB keeps these instants as dates, SQLite as text; the answers are the same.
        await store.ensureCollection({ name: 'offers', indexes: [{ fields: ['toEmail', 'expiresAt'] }] });
        const offers: ReadDocument[] = [
          { id: 'o-1', toEmail: 'a@x.test', expiresAt: '2026-03-01T00:00:00.000Z' },
          { id: 'o-2', toEmail: 'a@x.test', expiresAt: '2026-03-01T00:00:00.000Z' },
          { id: 'o-3', toEmail: 'a@x.test', expiresAt: '2026-03-08T12:00:00.000Z' },
          { id: 'o-4', toEmail: 'a@x.test', expiresAt: null },
          { id: 'o-5', toEmail: 'a@x.test', expiresAt: 'not an instant' },
        ];
        await putAll('offers', offers);
        const open = await allPages('offers', { where: { toEmail: 'a@x.test', expiresAt: { gt: '2026-03-01T00:00:00.000Z' } }, limit: 1 });
        // (How a date sorts against other strings is the store's own order: compare as a set.)
        expect(
          open
            .flat()
            .map((d) => d.id)
            .sort(),
        ).toEqual(['o-3', 'o-5']);
        // A date-only bound compares as text: midnight of that day is after "2026-03-01".
        expect(await store.count('offers', { toEmail: 'a@x.test', expiresAt: { lte: '2026-03-01' } })).toBe(0);
        expect(await store.count('offers', { toEmail: 'a@x.test', expiresAt: { gte: '2026-03-01', lt: '2026-03-02' } })).toBe(2);
        expect(await store.count('offers', { toEmail: 'a@x.test', expiresAt: '2026-03-01T00:00:00.000Z' })).toBe(2);
        const byExpiry = await allPages('offers', {
          where: { toEmail: 'a@x.test' },
          sort: [{ field: 'expiresAt', direction: 'asc' }],
          limit: 2,
        });
        expect(
          byExpiry
            .flat()
            .map((d) => d.id)
            .slice(0, 3),
        ).toEqual(['o-4', 'o-1', 'o-2']);
        expect(new Set(byExpiry.flat().map((d) => d.id))).toEqual(new Set(offers.map((d) => d.id)));
        const descending = await allPages('offers', {
          where: { toEmail: 'a@x.test' },
          sort: [{ field: 'expiresAt', direction: 'desc' }],
          limit: 2,
        });
        expect(descending.flat().map((d) => d.id)).toEqual([...byExpiry.flat().map((d) => d.id)].reverse());
      });
    });

    describe('digest', () => {
      const documents: ReadDocument[] = [
        { id: 'b', amount: '10.00', nested: { z: 1, a: [1, { y: true, x: null }] } },
        { id: 'a', amount: '5.50' },
        { id: 'c', name: 'Ünïcode 🚀' },
      ];

      it('is equal for equal contents inserted in different orders into different collections', async () => {
        await store.ensureCollection({ name: 'left', indexes: [] });
        await store.ensureCollection({ name: 'right', indexes: [{ fields: ['amount'] }] });
        await putAll('left', documents);
        const reordered = [...documents].reverse().map((d) => Object.fromEntries(Object.entries(d).reverse()) as ReadDocument);
        for (const document of reordered) await putAll('right', [document]);
        expect(await store.digest('left')).toMatch(/^[0-9a-f]{64}$/);
        expect(await store.digest('left')).toBe(await store.digest('right'));

        await store.commit({ operations: [{ type: 'patch', collection: 'right', id: 'b', fields: { amount: '10.0' } }] });
        expect(await store.digest('left')).not.toBe(await store.digest('right'));
      });

      it('is the SHA-256 of canonical JSON lines in id order', async () => {
        await store.ensureCollection({ name: 'left', indexes: [] });
        expect(await store.digest('left')).toBe(createHash('sha256').update('').digest('hex'));
        await putAll('left', [{ id: 'b', y: 1, x: 2 }, { id: 'a' }]);
        const expected = createHash('sha256').update('{"id":"a"}\n{"id":"b","x":2,"y":1}\n').digest('hex');
        expect(await store.digest('left')).toBe(expected);
      });
    });
  });
}
