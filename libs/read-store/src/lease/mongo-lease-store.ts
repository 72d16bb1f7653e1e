import { Collection, MongoClient, MongoClientOptions, MongoServerError } from 'mongodb';
import { assertMongoDatabaseName } from '../mongodb/database-name';
import { assertLeaseArguments, LeaseInfo, LeaseStore } from './lease-store';

export interface MongoLeaseStoreOptions {
  uri: string;
  database: string;
  clientOptions?: MongoClientOptions;
}

/** Beside the read store's bookkeeping, in a name no read model can have (collection names have no dot). */
export const LEASE_COLLECTION = 'read_store.leases';

const DUPLICATE_KEY = 11000;

interface LeaseDocument {
  _id: string;
  holder: string;
  expiresAt: Date;
}

/**
 * Leases as documents keyed by name (`_id`, unique by nature). Acquiring is one findOneAndUpdate
 * whose filter matches only a lease that is ours or lapsed, with upsert: a free lease is inserted,
 * and when another holder has it the upsert's insert hits the unique `_id` and is refused. No
 * transaction is needed, so a single-document write concern (majority) is the whole guarantee.
 */
export async function openMongoLeaseStore(options: MongoLeaseStoreOptions): Promise<LeaseStore> {
  assertMongoDatabaseName(options.database);
  const client = new MongoClient(options.uri, options.clientOptions);
  await client.connect();
  return new MongoLeaseStore(
    client,
    client.db(options.database).collection<LeaseDocument>(LEASE_COLLECTION, { writeConcern: { w: 'majority' } }),
  );
}

class MongoLeaseStore implements LeaseStore {
  constructor(
    private readonly client: MongoClient,
    private readonly leases: Collection<LeaseDocument>,
  ) {}

  async tryAcquire(name: string, holder: string, ttlMs: number, now: number): Promise<boolean> {
    assertLeaseArguments(name, holder, ttlMs, now);
    try {
      const after = await this.leases.findOneAndUpdate(
        { _id: name, $or: [{ holder }, { expiresAt: { $lte: new Date(now) } }] },
        { $set: { holder, expiresAt: new Date(now + ttlMs) } },
        { upsert: true, returnDocument: 'after' },
      );
      return after?.holder === holder;
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return false; // held by another
      throw error;
    }
  }

  async renew(name: string, holder: string, ttlMs: number, now: number): Promise<boolean> {
    assertLeaseArguments(name, holder, ttlMs, now);
    const result = await this.leases.updateOne({ _id: name, holder }, { $set: { expiresAt: new Date(now + ttlMs) } });
    return result.matchedCount === 1;
  }

  async release(name: string, holder: string): Promise<void> {
    assertLeaseArguments(name, holder);
    await this.leases.deleteOne({ _id: name, holder });
  }

  async current(name: string): Promise<LeaseInfo | null> {
    assertLeaseArguments(name);
    const lease = await this.leases.findOne({ _id: name });
    return lease ? { name, holder: lease.holder, expiresAt: lease.expiresAt.getTime() } : null;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
