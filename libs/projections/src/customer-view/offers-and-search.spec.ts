import type { ReadStore } from '@channel-ledger/read-store';
import * as ev from '../testing/channel-events';
import { channelStreamOf } from '../testing/channel-events';
import { projectionHarness, ProjectionHarness } from '../testing/projection-harness';
import { RecordedLog } from '../testing/recorded';
import { customerViewProjection, openOwnershipOffersTo, searchCustomerOrganizations } from './index';

describe('customer-view: open ownership offers and support search (on a real SQLite read store)', () => {
  let harness: ProjectionHarness;
  let store: ReadStore;
  let log: RecordedLog;

  beforeEach(async () => {
    harness = await projectionHarness(customerViewProjection);
    store = harness.readStore;
    log = new RecordedLog();
  });
  afterEach(() => harness.close());

  const given = (...events: { type: string; data: object }[]) =>
    harness.apply(...events.map((event) => log.append(channelStreamOf(event), event)));
  const offerIds = async (email: string, now: string) => (await openOwnershipOffersTo(store, email, now)).items.map((o) => o.transferId);
  const found = async (search: { email: string } | { name: string }) =>
    (await searchCustomerOrganizations(store, search)).items.map((o) => o.organizationId);

  it('an offer is open to its address until it lapses at expiresAt, even unrecorded (rule 3)', async () => {
    await given(ev.organizationCreated(), ev.transferInitiated());
    expect(await offerIds('Alice@Acme.test', '2026-01-17T11:59:59.999Z')).toEqual(['transfer-1']);
    expect(await offerIds('alice@acme.test', '2026-01-17T12:00:00.000Z')).toEqual([]);
    expect(await offerIds('mallory@evil.test', '2026-01-11T00:00:00.000Z')).toEqual([]);
  });

  it('an accepted, cancelled or recorded-as-lapsed offer is withdrawn; a new one replaces it', async () => {
    await given(ev.organizationCreated(), ev.transferInitiated(), ev.transferExpired());
    expect(await offerIds('alice@acme.test', '2026-01-11T00:00:00.000Z')).toEqual([]);
    await given(ev.transferInitiated({ transferId: 'transfer-2', expiresAt: '2026-01-27T00:00:00.000Z' }));
    expect(await offerIds('alice@acme.test', '2026-01-21T00:00:00.000Z')).toEqual(['transfer-2']);
    await given(ev.transferCancelled({ transferId: 'transfer-2' }));
    expect(await offerIds('alice@acme.test', '2026-01-21T00:00:00.000Z')).toEqual([]);
    await given(ev.transferInitiated({ transferId: 'transfer-3' }), ev.transferAccepted({ transferId: 'transfer-3' }));
    expect(await offerIds('alice@acme.test', '2026-01-11T00:00:00.000Z')).toEqual([]);
  });

  it('support finds an organization by the start of its name, in any case, under its current name', async () => {
    await given(ev.organizationCreated(), ev.organizationCreated({ organizationId: 'org-2', name: 'Acorn Ltd' }));
    expect(await found({ name: 'ac' })).toEqual(['org-1', 'org-2']);
    expect(await found({ name: 'ACME' })).toEqual(['org-1']);
    await given(ev.companyDetailsChanged({ name: 'Zenith AG' }));
    expect(await found({ name: 'acme' })).toEqual([]);
    expect(await found({ name: 'zenith ag' })).toEqual(['org-1']);
  });

  it("support finds an organization by a contact's, the owner's or an administrator's address", async () => {
    await given(ev.organizationCreated(), ev.organizationCreated({ organizationId: 'org-2', name: 'Acorn Ltd' }));
    expect(await found({ email: 'ALICE@acme.test' })).toEqual(['org-1', 'org-2']);
    await given(ev.contactChanged({ role: 'billing' }), ev.administratorInvited(), ev.invitationAccepted());
    expect(await found({ email: 'carol@acme.test' })).toEqual(['org-1']);
    expect(await found({ email: 'bob@acme.test' })).toEqual(['org-1']);
    await given(ev.contactChanged({ role: 'billing', contact: { name: null, email: 'dan@acme.test' } }));
    expect(await found({ email: 'carol@acme.test' })).toEqual([]);
  });
});
