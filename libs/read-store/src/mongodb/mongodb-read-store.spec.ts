import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { readStoreContract, ReadStoreHarness } from '../testing/read-store.contract';
import { openMongoReadStore } from './mongo-read-store';

const uri = process.env.MONGODB_URI;

/** A fresh database per test, dropped afterwards. */
function harness(mongoUri: string, transactions: 'auto' | 'never'): ReadStoreHarness {
  return {
    async createStorage() {
      const database = `rs_contract_${randomBytes(6).toString('hex')}`;
      return {
        open: () => openMongoReadStore({ uri: mongoUri, database, transactions }),
        destroy: async () => {
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
  // Transactions when the server is a replica set, and the position-guarded fallback in any case.
  readStoreContract('mongodb', harness(uri, 'auto'));
  readStoreContract('mongodb (no transactions: position-guarded fallback)', harness(uri, 'never'));
} else {
  describe('MongoDB read store', () => {
    console.info('MongoDB contract suite skipped: MONGODB_URI is not set (docker compose up mongodb to run it)');
    describe.skip('contract', () => readStoreContract('mongodb', harness('mongodb://unused', 'auto')));
  });
}
