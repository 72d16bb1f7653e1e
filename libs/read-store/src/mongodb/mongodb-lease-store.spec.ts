import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { leaseStoreContract, LeaseStoreHarness } from '../testing/lease-store.contract';
import { openMongoLeaseStore } from '../lease/mongo-lease-store';

const uri = process.env.MONGODB_URI;

/** A fresh database per test, dropped afterwards. */
function harness(mongoUri: string): LeaseStoreHarness {
  return {
    async createStorage() {
      const database = `lease_contract_${randomBytes(6).toString('hex')}`;
      return {
        open: () => openMongoLeaseStore({ uri: mongoUri, database }),
        async destroy() {
          const client = await MongoClient.connect(mongoUri);
          try {
            await client.db(database).dropDatabase();
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
  leaseStoreContract('mongodb', harness(uri));
} else {
  describe('MongoDB lease store', () => {
    console.info('MongoDB lease contract skipped: MONGODB_URI is not set (docker compose up -d --wait mongodb to run it)');
    describe.skip('contract', () => leaseStoreContract('mongodb', harness('mongodb://unused')));
  });
}
