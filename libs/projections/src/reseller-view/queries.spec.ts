import type { ReadStore } from '@channel-ledger/read-store';
import { InvalidCursorError } from '@channel-ledger/read-store';
import * as ev from '../testing/channel-events';
import { channelStreamOf, OTHER_RESELLER, RESELLER, VENDOR } from '../testing/channel-events';
import { projectionHarness, ProjectionHarness } from '../testing/projection-harness';
import { RecordedLog } from '../testing/recorded';
import { issuingVendorsOf, publicCustomersOfOthers, resellerSubscriptions, resellerViewProjection, searchResellerCustomers } from './index';

const R1 = RESELLER.resellerId;
const R2 = OTHER_RESELLER.resellerId;

describe('reseller-view queries: search, open offers, renewal windows, public customers of other resellers', () => {
  let harness: ProjectionHarness;
  let store: ReadStore;
  let log: RecordedLog;

  beforeEach(async () => {
    harness = await projectionHarness(resellerViewProjection);
    store = harness.readStore;
    log = new RecordedLog();
  });
  afterEach(() => harness.close());

  const given = (...events: { type: string; data: object }[]) =>
    harness.apply(...events.map((event) => log.append(channelStreamOf(event), event)));
  const names = async (search: Parameters<typeof searchResellerCustomers>[2]) =>
    (await searchResellerCustomers(store, R1, search)).items.map((c) => c.name);

  it('finds customers by a case-insensitive name prefix, in case-insensitive name order, following renames', async () => {
    await given(
      ev.organizationCreated({ organizationId: 'org-1', name: 'globex' }),
      ev.organizationCreated({ organizationId: 'org-2', name: 'Globe Trotters' }),
      ev.organizationCreated({ organizationId: 'org-3', name: 'Initech' }),
      ev.organizationCreated({ organizationId: 'org-4', name: 'Glöckner' }),
      ev.organizationCreated({ organizationId: 'org-9', name: 'Globex of the other reseller', managingReseller: OTHER_RESELLER }),
    );
    expect(await names({})).toEqual(['Globe Trotters', 'globex', 'Glöckner', 'Initech']);
    expect(await names({ namePrefix: 'GLOBE' })).toEqual(['Globe Trotters', 'globex']);
    expect(await names({ namePrefix: 'glö' })).toEqual(['Glöckner']);
    await given(ev.companyDetailsChanged({ organizationId: 'org-3', name: 'Globo Initech' }));
    expect(await names({ namePrefix: 'glob' })).toEqual(['Globe Trotters', 'globex', 'Globo Initech']);
    const first = await searchResellerCustomers(store, R1, { namePrefix: 'glob', limit: 2 });
    const rest = await searchResellerCustomers(store, R1, { namePrefix: 'glob', limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...rest.items].map((c) => c.organizationId)).toEqual(['org-2', 'org-1', 'org-3']);
  });

  it('narrows by ownership, and finds the offers still open at a read-time instant (rule 3)', async () => {
    await given(
      ev.organizationCreated({ organizationId: 'org-1', name: 'Acme' }),
      ev.organizationCreated({ organizationId: 'org-2', name: 'Beta' }),
      ev.organizationCreated({ organizationId: 'org-3', name: 'Gamma' }),
      ev.transferInitiated({ organizationId: 'org-1', transferId: 't-1' }),
      ev.transferInitiated({ organizationId: 'org-2', transferId: 't-2' }),
      ev.transferAccepted({ organizationId: 'org-2', transferId: 't-2' }),
    );
    expect(await names({ ownership: 'customer' })).toEqual(['Beta']);
    expect(await names({ ownership: 'reseller' })).toEqual(['Acme', 'Gamma']);
    // t-1 expires 2026-01-17T12:00Z: open before, lapsed after, whether or not a sweep recorded it.
    expect(await names({ transferOpenAt: '2026-01-11T00:00:00Z' })).toEqual(['Acme']);
    expect(await names({ transferOpenAt: '2026-01-11T00:00:00Z', namePrefix: 'g' })).toEqual([]);
    expect(await names({ transferOpenAt: '2026-01-11T00:00:00Z', ownership: 'customer' })).toEqual([]);
    expect(await names({ transferOpenAt: '2026-01-18T00:00:00Z' })).toEqual([]);
    await given(ev.transferCancelled({ organizationId: 'org-1', transferId: 't-1' }));
    expect(await names({ transferOpenAt: '2026-01-11T00:00:00Z' })).toEqual([]);
  });

  it('lists subscriptions renewing within a window, soonest first, for the reseller or one customer', async () => {
    await given(
      ev.organizationCreated({ organizationId: 'org-1' }),
      ev.organizationCreated({ organizationId: 'org-2' }),
      ev.subscriptionPurchased({ subscriptionId: 'sub-1', organizationId: 'org-1', periodEnd: '2027-03-01T00:00:00.000Z' }),
      ev.subscriptionPurchased({ subscriptionId: 'sub-2', organizationId: 'org-2', periodEnd: '2027-02-01T00:00:00.000Z' }),
      ev.subscriptionPurchased({ subscriptionId: 'sub-3', organizationId: 'org-1', periodEnd: '2027-02-15T00:00:00.000Z' }),
      ev.subscriptionCancelled({ subscriptionId: 'sub-3' }),
    );
    const ids = async (filter: Parameters<typeof resellerSubscriptions>[2]) =>
      (await resellerSubscriptions(store, R1, filter)).items.map((s) => s.id);
    expect(await ids({ renewsFrom: '2027-01-01T00:00:00Z', renewsBefore: '2027-04-01T00:00:00Z' })).toEqual(['sub-2', 'sub-1']);
    expect(await ids({ renewsFrom: '2027-02-01T00:00:00Z', renewsBefore: '2027-03-01T00:00:00Z' })).toEqual(['sub-2']);
    expect(await ids({ organizationId: 'org-1', renewsBefore: '2028-01-01T00:00:00Z' })).toEqual(['sub-1']);
    expect(await ids({ status: 'cancelled', renewsBefore: '2028-01-01T00:00:00Z' })).toEqual([]);
  });

  it("rule 13: other resellers' public customers of the vendors a reseller may issue for, vendor by vendor, a page at a time", async () => {
    await given(
      ev.organizationCreated({ organizationId: 'own-public', name: 'Own Public', isPublic: true }),
      ev.organizationCreated({ organizationId: 'v1-a', name: 'Alpha', isPublic: true, managingReseller: OTHER_RESELLER }),
      ev.organizationCreated({ organizationId: 'v1-b', name: 'Bravo', isPublic: true, managingReseller: OTHER_RESELLER }),
      ev.organizationCreated({ organizationId: 'v1-private', name: 'Private', managingReseller: OTHER_RESELLER }),
      ev.organizationCreated({
        organizationId: 'v2-c',
        name: 'Charlie',
        isPublic: true,
        vendorId: 'vendor-2',
        managingReseller: OTHER_RESELLER,
      }),
      ev.organizationCreated({
        organizationId: 'v3-d',
        name: 'Delta',
        isPublic: true,
        vendorId: 'vendor-3',
        managingReseller: OTHER_RESELLER,
      }),
      ev.rightGranted({ rightId: 'right-1', vendorId: VENDOR }),
      ev.rightGranted({ rightId: 'right-2', vendorId: 'vendor-2' }),
      ev.rightGranted({ rightId: 'right-3', vendorId: 'vendor-3', expiresAt: '2026-02-01T00:00:00.000Z' }),
      ev.rightGranted({ rightId: 'right-4', vendorId: 'vendor-4' }),
      ev.rightBlocked({ rightId: 'right-4' }),
    );
    // vendor-3's right expired and vendor-4's is blocked: the reseller cannot issue for them now.
    const vendors = await issuingVendorsOf(store, R1, '2026-10-01T00:00:00Z');
    expect(vendors).toEqual([VENDOR, 'vendor-2']);
    const all = await publicCustomersOfOthers(store, R1, vendors);
    expect(all).toEqual({
      items: [
        { organizationId: 'v1-a', vendorId: VENDOR, name: 'Alpha' },
        { organizationId: 'v1-b', vendorId: VENDOR, name: 'Bravo' },
        { organizationId: 'v2-c', vendorId: 'vendor-2', name: 'Charlie' },
      ],
      nextCursor: null,
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof publicCustomersOfOthers>> = await publicCustomersOfOthers(store, R1, vendors, {
        limit: 1,
        cursor,
      });
      seen.push(...page.items.map((c) => c.organizationId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['v1-a', 'v1-b', 'v2-c']);
    // The other reseller sees this reseller's public customer, and not its own.
    expect((await publicCustomersOfOthers(store, R2, [VENDOR])).items.map((c) => c.organizationId)).toEqual(['own-public']);
    const page = await publicCustomersOfOthers(store, R1, vendors, { limit: 1 });
    await expect(publicCustomersOfOthers(store, R1, ['vendor-2'], { cursor: page.nextCursor })).rejects.toThrow(InvalidCursorError);
    await expect(publicCustomersOfOthers(store, R1, vendors, { cursor: 'not-a-cursor' })).rejects.toThrow(InvalidCursorError);
  });
});
