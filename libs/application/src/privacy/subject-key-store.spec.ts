import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteReadStore } from '@channel-ledger/read-store';
import { subjectKeyStoreContract } from './subject-key-store.contract';
import { InMemorySubjectKeyStore, ReadStoreSubjectKeyStore, SqliteSubjectKeyStore } from './subject-key-store';

subjectKeyStoreContract('in memory', async () => ({ store: new InMemorySubjectKeyStore(), done: async () => undefined }));

subjectKeyStoreContract('SQLite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'subject-keys-'));
  const path = join(dir, 'subject-keys.sqlite');
  const store = new SqliteSubjectKeyStore(path);
  return {
    store,
    reopen: async () => new SqliteSubjectKeyStore(path),
    done: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

subjectKeyStoreContract('read store (SQLite adapter; MongoDB on the production stack)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'subject-keys-rs-'));
  const path = join(dir, 'read.sqlite');
  const readStore = await openSqliteReadStore({ path });
  const store = new ReadStoreSubjectKeyStore(readStore);
  return {
    store,
    reopen: async () => new ReadStoreSubjectKeyStore(await openSqliteReadStore({ path }), true),
    done: async () => {
      await readStore.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteSubjectKeyStore: a forgotten key is gone from the disk', () => {
  it('leaves no byte of the key in the file or its WAL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'subject-keys-'));
    const path = join(dir, 'subject-keys.sqlite');
    const store = new SqliteSubjectKeyStore(path);
    for (let i = 0; i < 20; i++) await store.keyFor(`other-${i}`);
    const key = Buffer.from(await store.keyFor('s-1'));
    await store.forget('s-1');
    await store.close();
    const bytes = [path, `${path}-wal`].flatMap((f) => {
      try {
        return [readFileSync(f)];
      } catch {
        return [];
      }
    });
    expect(bytes.some((b) => b.includes(key))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('ReadStoreSubjectKeyStore: two processes creating one person’s key at once', () => {
  it('agree on one key (the unique index refuses the second)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'subject-keys-race-'));
    const path = join(dir, 'read.sqlite');
    const [a, b] = [
      new ReadStoreSubjectKeyStore(await openSqliteReadStore({ path }), true),
      new ReadStoreSubjectKeyStore(await openSqliteReadStore({ path }), true),
    ];
    const [ka, kb] = await Promise.all([a.keyFor('s-1'), b.keyFor('s-1')]);
    expect(ka.equals(kb)).toBe(true);
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('SqliteSubjectKeyStore: new people in the same turn of the event loop', () => {
  it('get their keys from one commit, one key per person, kept on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'subject-keys-batch-'));
    const path = join(dir, 'subject-keys.sqlite');
    const store = new SqliteSubjectKeyStore(path);
    try {
      const subjects = Array.from({ length: 40 }, (_, i) => `person-${i % 20}`);
      const keys = await Promise.all(subjects.map((subject) => store.keyFor(subject)));
      expect(new Set(keys.map((key) => key.toString('hex'))).size).toBe(20);
      keys.forEach((key, i) => expect(key.equals(keys[i % 20])).toBe(true));
      await store.close();
      const reopened = new SqliteSubjectKeyStore(path);
      expect((await reopened.keyOf('person-7'))!.equals(keys[7])).toBe(true);
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
