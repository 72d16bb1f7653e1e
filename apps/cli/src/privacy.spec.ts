import { existsSync, readFileSync } from 'node:fs';
import {
  CommandPipeline,
  DataSubjects,
  forgetDataSubject,
  openLedgerEventStore,
  Secrets,
  subjectKeyFileBeside,
} from '@channel-ledger/application';
import { seed } from '@channel-ledger/application/testing/seed-scenario';
import {
  invoiceOwnerAt,
  mailOutboxProjection,
  membershipsOf,
  readModelProjections,
  searchCustomerOrganizations,
} from '@channel-ledger/projections';
import { openSqliteEventStore } from '@channel-ledger/event-store';
import { openSqliteReadStore, ReadStore } from '@channel-ledger/read-store';
import { cliLedger, TEST_SECRET } from './testing/cli-harness';

const ERASED_EMAIL = seed.customerEmail; // it@globex.example: contact, offer recipient, owner, signed-in actor
const KEPT_EMAIL = 'it-two@globex.example'; // the same story's customer under tag "two": not forgotten
const collections = [...readModelProjections, mailOutboxProjection].flatMap((p) => p.collections.map((c) => c.name));

/** The file's bytes (and its WAL's) contain the address, in UTF-8 or as SQLite might keep it. */
function bytesContain(file: string, text: string): boolean {
  return [file, `${file}-wal`].filter(existsSync).some((f) => readFileSync(f).includes(Buffer.from(text, 'utf8')));
}

async function withReadStore<T>(path: string, work: (store: ReadStore) => Promise<T>): Promise<T> {
  const store = await openSqliteReadStore({ path });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function everyDocument(store: ReadStore): Promise<string> {
  const all: unknown[] = [];
  for (const c of collections) {
    let cursor: string | null = null;
    do {
      const page = await store.find(c, { limit: 1000, cursor });
      all.push(...page.documents);
      cursor = page.nextCursor;
    } while (cursor);
  }
  return JSON.stringify(all);
}

async function digests(path: string): Promise<Record<string, string>> {
  return withReadStore(path, async (s) =>
    Object.fromEntries(await Promise.all(collections.map(async (c) => [c, await s.digest(c)] as const))),
  );
}

describe('crypto-shredding: a person forgotten, the ledger intact', () => {
  const ledger = cliLedger();
  let subjectId: string;

  beforeAll(async () => {
    await ledger.seedEncrypted();
    expect((await ledger.run('rebuild', 'all', '--json')).code).toBe(0);
  });
  afterAll(() => ledger.remove());

  it('never stores the personal fields in clear: the log holds ciphertext, the key file no address', async () => {
    const raw = await ledger.run('replay', 'organization', seed.organizationId, '--raw');
    expect(raw.out).toMatch(/pii:v1:/);
    expect(raw.out).not.toContain(ERASED_EMAIL);
    expect(raw.out).toContain('"name":"Globex"'); // company names are not personal
    expect(bytesContain(subjectKeyFileBeside(ledger.path), ERASED_EMAIL)).toBe(false);
  });

  it('before: reads decrypt, and sign-in and support search find the person by address', async () => {
    const replay = await ledger.run('replay', 'organization', seed.organizationId, '--json');
    expect(replay.out).toContain(ERASED_EMAIL);
    await withReadStore(ledger.path, async (store) => {
      expect((await searchCustomerOrganizations(store, { email: ERASED_EMAIL })).items.map((o) => o.id)).toEqual([seed.organizationId]);
      expect(await membershipsOf(store, ERASED_EMAIL)).not.toEqual([]);
    });
    // Read models show addresses (contacts, administrators), so until the erasure the file has it.
    expect(bytesContain(ledger.path, ERASED_EMAIL)).toBe(true);
  });

  describe('after forgetting and rebuilding every projection', () => {
    beforeAll(async () => {
      const opened = await openLedgerEventStore(
        { eventStore: { kind: 'sqlite', path: ledger.path }, readStore: { kind: 'sqlite', path: ledger.path } },
        new Secrets(TEST_SECRET),
      );
      const pipeline = new CommandPipeline(opened.store);
      const support = { kind: 'support' as const, id: 'agent@vendor.example' };
      const outcome = await forgetDataSubject(
        pipeline,
        opened.keys,
        opened.subjects,
        {
          commandId: 'forget-1',
          correlationId: 'forget-1',
          causationId: 'forget-1',
          actor: support,
          onBehalfOf: null,
          occurredAt: '2026-07-01T00:00:00.000Z',
        },
        { email: ERASED_EMAIL.toUpperCase(), reason: 'erasure request #17 (GDPR art. 17)' },
      );
      subjectId = outcome.subjectId;
      expect(outcome).toMatchObject({ keyDeleted: true, recorded: true });
      expect(subjectId).toBe(DataSubjects.fromSecrets(new Secrets(TEST_SECRET)).subjectIdOf(ERASED_EMAIL));
      await opened.store.close();
      expect((await ledger.run('rebuild', 'all', '--json')).code).toBe(0);
    });

    it('records the erasure without the address', async () => {
      const store = await openSqliteEventStore({ path: ledger.path });
      const stored = await store.readStream(`data-subject-${subjectId}`);
      await store.close();
      expect(stored.map((e) => e.type)).toEqual(['DataSubjectForgotten']);
      expect(stored[0].data).toMatchObject({ subjectId, reason: 'erasure request #17 (GDPR art. 17)' });
      // The support agent acting is a person too: their address is encrypted under their own key.
      expect(JSON.stringify(stored.map((e) => ({ data: e.data, metadata: e.metadata })))).not.toMatch(
        /@globex\.example|agent@vendor\.example/,
      );
    });

    it('every event still verifies, amounts included', async () => {
      const result = await ledger.run('verify', '--json');
      expect(result.json()).toMatchObject({ ok: true, findings: [] });
      expect(result.code).toBe(0);
    });

    it('the invoice owner at a past date is still answered, from the log and from the read model', async () => {
      const fromLog = await ledger.run('invoice-owner', `subscription-${seed.subscriptionId}`, '--at', '2026-02-01', '--json');
      expect(fromLog.json()).toMatchObject({ invoiceOwner: { kind: 'reseller', id: seed.resellerId, name: 'Acme Resale' } });
      await withReadStore(ledger.path, async (store) => {
        expect(await invoiceOwnerAt(store, seed.subscriptionId, '2026-02-01T00:00:00.000Z')).toMatchObject({
          owner: expect.objectContaining({ id: seed.resellerId }),
        });
      });
    });

    it('reads show the person’s fields as erased; everyone else’s stay', async () => {
      const replay = await ledger.run('replay', 'organization', seed.organizationId, '--json');
      expect(replay.out).toContain('[erased]');
      expect(replay.out).not.toContain(ERASED_EMAIL);
      const two = await ledger.run('replay', 'organization', `${seed.organizationId}-two`, '--json');
      expect(two.out).toContain(KEPT_EMAIL);
    });

    it('no read model holds or finds the address; sign-in and search find nothing for it (and still find the others)', async () => {
      await withReadStore(ledger.path, async (store) => {
        expect(await everyDocument(store)).not.toContain(ERASED_EMAIL);
        expect((await searchCustomerOrganizations(store, { email: ERASED_EMAIL })).items).toEqual([]);
        expect(await membershipsOf(store, ERASED_EMAIL)).toEqual([]);
        expect((await searchCustomerOrganizations(store, { email: KEPT_EMAIL })).items.map((o) => o.id)).toEqual([
          `${seed.organizationId}-two`,
        ]);
        expect(await membershipsOf(store, KEPT_EMAIL)).not.toEqual([]);
      });
    });

    it('no export carries it: JSONL keeps the ciphertext (and verifies offline), CSV reads "[erased]"', async () => {
      const jsonl = ledger.file('after.jsonl');
      expect((await ledger.run('export', '--out', jsonl)).code).toBe(0);
      expect(readFileSync(jsonl, 'utf8')).not.toContain(ERASED_EMAIL);
      expect((await ledger.run('verify', '--file', jsonl)).code).toBe(0);
      const csv = ledger.file('after.csv');
      expect((await ledger.run('export', '--format', 'csv', '--out', csv)).code).toBe(0);
      const text = readFileSync(csv, 'utf8');
      expect(text).not.toContain(ERASED_EMAIL);
      expect(text).toContain('[erased]');
      expect(text).toContain(KEPT_EMAIL);
    });

    it('the SQLite files’ bytes do not contain the address (events, read models, keys)', () => {
      expect(bytesContain(ledger.path, ERASED_EMAIL)).toBe(false);
      expect(bytesContain(subjectKeyFileBeside(ledger.path), ERASED_EMAIL)).toBe(false);
    });

    it('rebuilding every projection again gives the same digests', async () => {
      const first = await digests(ledger.path);
      expect((await ledger.run('rebuild', 'all', '--json')).code).toBe(0);
      expect(await digests(ledger.path)).toEqual(first);
    });
  });
});
