import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStoreContract } from '../testing/read-store.contract';
import { openSqliteReadStore } from './sqlite-read-store';

readStoreContract('sqlite', {
  async createStorage() {
    const dir = mkdtempSync(join(tmpdir(), 'read-store-'));
    const path = join(dir, 'ledger.sqlite');
    return {
      open: () => openSqliteReadStore({ path }),
      destroy: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
});
