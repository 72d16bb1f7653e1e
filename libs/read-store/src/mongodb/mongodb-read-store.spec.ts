import { randomBytes } from 'node:crypto';
import { Decimal128, Document, MongoClient } from 'mongodb';
import { NativeFieldQueries, readStoreContract, ReadStoreHarness } from '../testing/read-store.contract';
import { META_COLLECTIONS, openMongoReadStore } from './mongo-read-store';

const uri = process.env.MONGODB_URI;

/** A fresh database per test, dropped afterwards; native queries go through a client of their own. */
function harness(mongoUri: string): ReadStoreHarness {
  return {
    async createStorage() {
      const database = `rs_contract_${randomBytes(6).toString('hex')}`;
      const client = await MongoClient.connect(mongoUri);
      const db = client.db(database);
      const ids = async (collection: string, filter: Document) =>
        (
          await db
            .collection(collection)
            .find(filter, { projection: { _id: 1 }, sort: { _id: 1 } })
            .toArray()
        ).map((d) => String(d._id));
      const native: NativeFieldQueries = {
        amountGreaterThan: (collection, field, amount) => ids(collection, { [field]: { $gt: Decimal128.fromString(amount) } }),
        async sumOf(collection, field) {
          const [row] = await db
            .collection(collection)
            .aggregate([{ $group: { _id: null, total: { $sum: `$${field}` } } }])
            .toArray();
          return String(row?.total);
        },
        instantAtOrAfter: (collection, field, instant) => ids(collection, { [field]: { $gte: new Date(instant) } }),
        stringEquals: (collection, field, value) => ids(collection, { [field]: { $eq: value, $type: 'string' } }),
        async servedByIndex(collection, equals) {
          const plan = JSON.stringify(await db.collection(collection).find(equals).explain('queryPlanner'));
          return plan.includes('IXSCAN') && !plan.includes('COLLSCAN');
        },
      };
      return {
        open: () => openMongoReadStore({ uri: mongoUri, database }),
        native,
        destroy: async () => {
          try {
            await db.dropDatabase();
          } finally {
            await client.close();
          }
        },
      };
    },
  };
}

if (uri) {
  jest.setTimeout(60_000);
  readStoreContract('mongodb', harness(uri));

  describe('MongoDB read store: what dashboards see', () => {
    it('names the bookkeeping so no read model can collide with it, and serves each logical name as a view', async () => {
      const database = `rs_views_${randomBytes(6).toString('hex')}`;
      const store = await openMongoReadStore({ uri, database });
      const client = await MongoClient.connect(uri);
      try {
        await store.ensureCollection({
          name: 'sales__v1',
          indexes: [{ fields: ['vendorId', 'month'] }, { fields: ['invoiceNumber'], unique: true }],
        });
        await store.ensureCollection({ name: 'sales__v2', indexes: [{ fields: ['vendorId', 'month'] }] });
        await store.commit({
          operations: [{ type: 'put', collection: 'sales__v2', document: { id: 'a', vendorId: 'v', month: '2026-01' } }],
        });
        await store.setAlias('sales', 'sales__v1');
        await store.setAlias('sales', 'sales__v2');
        const db = client.db(database);
        const listed = await db.listCollections().toArray();
        const byName = new Map(listed.map((c) => [c.name, c]));
        expect((byName.get('sales') as unknown as { options: { viewOn: string } }).options.viewOn).toBe('sales__v2');
        for (const meta of Object.values(META_COLLECTIONS)) expect(byName.has(meta)).toBe(true);
        expect(await db.collection('sales').find().toArray()).toEqual([{ _id: 'a', vendorId: 'v', month: '2026-01' }]);
        const indexes = await db.collection('sales__v1').indexes();
        expect(indexes.map((i) => i.key)).toEqual(expect.arrayContaining([{ vendorId: 1, month: 1, _id: 1 }, { invoiceNumber: 1 }]));
      } finally {
        await client.db(database).dropDatabase();
        await client.close();
        await store.close();
      }
    });
  });
} else {
  describe('MongoDB read store', () => {
    console.info('MongoDB contract suite skipped: MONGODB_URI is not set (docker compose up -d --wait mongodb to run it)');
    describe.skip('contract', () => readStoreContract('mongodb', harness('mongodb://unused')));
  });
}
