import { Membership } from '@channel-ledger/domain';
import { emailLookupOf } from '../email-lookup';
import type { ReadStore } from '@channel-ledger/read-store';
import type { Page, PageOptions } from '../read-page';
import { IDENTITY_ACCOUNTS, IDENTITY_API_KEYS } from './collections';
import type { ApiKeyListing, IdentityAccount } from './documents';

/** The roles an address may sign in as, from the log (configured staff accounts are added by the caller). */
export async function membershipsOf(readStore: ReadStore, email: string): Promise<Membership[]> {
  const id = emailLookupOf(email);
  const account = id === null ? null : ((await readStore.get(IDENTITY_ACCOUNTS, id)) as IdentityAccount | null);
  return account?.memberships ?? [];
}

/** Rule 10 needs to know whether an address is any reseller's. */
export async function isResellerAddress(readStore: ReadStore, email: string): Promise<boolean> {
  return (await membershipsOf(readStore, email)).some((m) => m.role === 'reseller');
}

export async function apiKeysOf(readStore: ReadStore, tenant: Membership, options: PageOptions = {}): Promise<Page<ApiKeyListing>> {
  const found = await readStore.find(IDENTITY_API_KEYS, {
    where: { role: tenant.role, tenantId: tenant.tenantId ?? '-' },
    sort: [{ field: 'createdAt', direction: 'asc' }],
    cursor: options.cursor ?? null,
    limit: options.limit,
  });
  return { items: found.documents as ApiKeyListing[], nextCursor: found.nextCursor };
}
