import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnknownCollectionError } from '../errors';
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

describe('sqlite read store: cached declarations', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'read-store-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('sees another connection drop and re-declare a collection it has cached', async () => {
    const path = join(dir, 'ledger.sqlite');
    const projector = await openSqliteReadStore({ path });
    const api = await openSqliteReadStore({ path });
    try {
      await projector.ensureCollection({ name: 'views__v1', indexes: [{ fields: ['owner'] }] });
      await projector.commit({ operations: [{ type: 'put', collection: 'views__v1', document: { id: 'a', owner: 'x' } }] });
      expect(await api.get('views__v1', 'a')).toEqual({ id: 'a', owner: 'x' });

      await projector.dropCollection('views__v1');
      await expect(api.get('views__v1', 'a')).rejects.toThrow(UnknownCollectionError);

      await projector.ensureCollection({ name: 'views__v1', indexes: [{ fields: ['team'] }] });
      await api.commit({ operations: [{ type: 'put', collection: 'views__v1', document: { id: 'b', team: 'y' } }] });
      expect((await projector.find('views__v1', { where: { team: 'y' } })).documents).toEqual([{ id: 'b', team: 'y' }]);
    } finally {
      await api.close();
      await projector.close();
    }
  });

  it('writes a batch that only puts without reading the documents it replaces', async () => {
    const store = await openSqliteReadStore({ path: join(dir, 'ledger.sqlite') });
    try {
      await store.ensureCollection({ name: 'views__v1', indexes: [] });
      await store.commit({
        operations: [
          { type: 'put', collection: 'views__v1', document: { id: 'a', n: 1 } },
          { type: 'delete', collection: 'views__v1', id: 'missing' },
        ],
      });
      await store.commit({
        operations: [
          { type: 'patch', collection: 'views__v1', id: 'a', fields: { m: 2 } },
          { type: 'put', collection: 'views__v1', document: { id: 'a', n: 3 } },
          { type: 'patch', collection: 'views__v1', id: 'a', fields: { m: 4 } },
        ],
      });
      expect(await store.get('views__v1', 'a')).toEqual({ id: 'a', n: 3, m: 4 });
      expect(await store.count('views__v1')).toBe(1);
    } finally {
      await store.close();
    }
  });
});
