import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteReadStore } from '../sqlite/sqlite-read-store';
import { leaseStoreContract } from '../testing/lease-store.contract';
import { openSqliteLeaseStore } from './sqlite-lease-store';

leaseStoreContract('sqlite', {
  async createStorage() {
    const dir = mkdtempSync(join(tmpdir(), 'lease-store-'));
    const path = join(dir, 'ledger.sqlite');
    return {
      open: () => openSqliteLeaseStore({ path }),
      destroy: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
});

describe('SQLite lease store beside the read store', () => {
  it('shares the read store file without touching its collections', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lease-store-'));
    try {
      const path = join(dir, 'ledger.sqlite');
      const readStore = await openSqliteReadStore({ path });
      const leases = await openSqliteLeaseStore({ path });
      expect(await leases.tryAcquire('projector', 'A', 1000, 1)).toBe(true);
      expect(await readStore.listCollections()).toEqual([]);
      await leases.close();
      await readStore.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
