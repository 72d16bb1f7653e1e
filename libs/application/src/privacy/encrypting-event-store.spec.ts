import { ERASED } from '@channel-ledger/domain';
import { EventStore, NewEvent, openSqliteEventStore, storedFormOf, verifyStreamChain } from '@channel-ledger/event-store';
import { DataSubjects } from './data-subjects';
import { EncryptingEventStore } from './encrypting-event-store';
import { InMemorySubjectKeyStore } from './subject-key-store';

const subjects = new DataSubjects('test-key');
const event = (eventId: string, type: string, data: NewEvent['data'], actorId = 'acme'): NewEvent => ({
  eventId,
  type,
  data,
  metadata: {
    commandId: `c-${eventId}`,
    correlationId: 'c',
    causationId: 'c',
    actor: { kind: actorId.includes('@') ? 'customer' : 'reseller', id: actorId },
    onBehalfOf: null,
    occurredAt: '2026-01-01T00:00:00.000Z',
    schemaVersion: 1,
  },
});
const created = event('00000000-0000-4000-8000-000000000001', 'CustomerOrganizationCreated', {
  organizationId: 'o-1',
  name: 'Globex',
  customerContact: { name: 'Ivy Tan', email: 'Ivy@Globex.example' },
  managingReseller: { resellerId: 'acme', companyName: 'Acme', email: 'sales@acme.example' },
});

describe('EncryptingEventStore', () => {
  let raw: EventStore;
  let keys: InMemorySubjectKeyStore;
  let store: EncryptingEventStore;
  beforeEach(async () => {
    raw = await openSqliteEventStore({ path: ':memory:' });
    keys = new InMemorySubjectKeyStore();
    store = new EncryptingEventStore(raw, keys, subjects);
    await store.append('organization-o-1', [created], 'no-stream');
  });
  afterEach(() => store.close());

  it('stores personal fields (declared names, every address) as ciphertext; company names stay readable', async () => {
    const [stored] = await raw.readStream('organization-o-1');
    const text = JSON.stringify(stored.data);
    expect(text).not.toMatch(/Ivy|globex\.example|sales@acme/i);
    expect(stored.data).toMatchObject({ name: 'Globex', managingReseller: { companyName: 'Acme' } });
    // The name is sealed under the key of the address beside it.
    const contact = stored.data.customerContact as { name: string; email: string };
    expect(contact.name.split(':')[2]).toBe(subjects.subjectIdOf('ivy@globex.example'));
  });

  it('decrypts on read; the chain verifies over the stored ciphertext', async () => {
    const [read] = await store.readStream('organization-o-1');
    expect(read.data).toEqual(created.data);
    expect(storedFormOf(read)).not.toBe(read);
    expect(verifyStreamChain([read])).toEqual({ ok: true });
  });

  it('encrypts the same event to the same bytes, so a retried append is recognised as the same', async () => {
    await expect(store.append('organization-o-1', [created], 'any')).resolves.toBeDefined();
    expect(await raw.readStream('organization-o-1')).toHaveLength(1);
  });

  it('encrypts an actor that is a person', async () => {
    await store.append(
      'organization-o-1',
      [
        event(
          '00000000-0000-4000-8000-000000000002',
          'OwnershipTransferAccepted',
          { newOwnerEmail: 'ivy@globex.example' },
          'ivy@globex.example',
        ),
      ],
      0n,
    );
    const stored = (await raw.readStream('organization-o-1'))[1];
    expect(stored.metadata.actor.id).toMatch(/^pii:v1:/);
    expect((await store.readStream('organization-o-1'))[1].metadata.actor).toEqual({ kind: 'customer', id: 'ivy@globex.example' });
  });

  it('reads a forgotten person’s fields as "[erased]" and leaves everyone else’s', async () => {
    await keys.forget(subjects.subjectIdOf('ivy@globex.example'));
    const [read] = await store.readStream('organization-o-1');
    expect(read.data).toMatchObject({
      name: 'Globex',
      customerContact: { name: ERASED, email: ERASED },
      managingReseller: { email: 'sales@acme.example' },
    });
    expect(verifyStreamChain([read])).toEqual({ ok: true });
  });

  it('passes events written before encryption through unchanged', async () => {
    await raw.append(
      'reseller-acme',
      [event('00000000-0000-4000-8000-000000000003', 'ResellerEmailVerified', { email: 'old@acme.example' })],
      'no-stream',
    );
    const [read] = await store.readStream('reseller-acme');
    expect(read.data).toEqual({ email: 'old@acme.example' });
  });
});
