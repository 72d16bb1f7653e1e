import { canonicalInstant, isAtOrAfter, normalizeEmail } from '@channel-ledger/domain';
import type { ReadStore } from '@channel-ledger/read-store';
import type { Page, PageOptions } from '../read-page';
import { accessId, CUSTOMER_ACCESS, CUSTOMER_ORGANIZATIONS, CUSTOMER_OWNERSHIP_OFFERS, CUSTOMER_SEARCH_KEYS } from './collections';
import type { CustomerAccess, CustomerOrganization, CustomerOwnershipOffer, CustomerSearchKey } from './documents';
import { emailLookupOf } from '../email-lookup';
import { nameSearchValue } from './offers-and-search';

/** The organization's view by id, without an access check (support tools, after their own check). */
export async function customerOrganization(readStore: ReadStore, organizationId: string): Promise<CustomerOrganization | null> {
  return (await readStore.get(CUSTOMER_ORGANIZATIONS, organizationId)) as CustomerOrganization | null;
}

/**
 * The organization as a signed-in customer sees it: only its owner (after accepting, rule 2) or an
 * administrator who accepted (rule 15); anyone else gets null (a 404, the organization's existence
 * is not confirmed).
 */
export async function customerOrganizationFor(
  readStore: ReadStore,
  organizationId: string,
  email: string,
): Promise<CustomerOrganization | null> {
  const address = normalizeEmail(email);
  const [owner, administrator] = await Promise.all([
    readStore.get(CUSTOMER_ACCESS, accessId(organizationId, 'owner', address)),
    readStore.get(CUSTOMER_ACCESS, accessId(organizationId, 'administrator', address)),
  ]);
  return owner || administrator ? customerOrganization(readStore, organizationId) : null;
}

/** The organizations a signed-in address may see, with its role in each (one entry per role). */
export async function customerOrganizationsOf(
  readStore: ReadStore,
  email: string,
  options: PageOptions = {},
): Promise<Page<CustomerAccess>> {
  const found = await readStore.find(CUSTOMER_ACCESS, {
    where: { email: normalizeEmail(email) },
    sort: [{ field: 'organizationId', direction: 'asc' }],
    cursor: options.cursor ?? null,
    limit: options.limit,
  });
  return { items: found.documents as CustomerAccess[], nextCursor: found.nextCursor };
}

/** Rule 3 at read time: the ownership offer unless it lapsed at `now` (no sweep needed). */
export function openTransferAt(
  organization: Pick<CustomerOrganization, 'pendingTransfer'>,
  now: string,
): CustomerOrganization['pendingTransfer'] {
  const transfer = organization.pendingTransfer;
  return transfer && !isAtOrAfter(now, transfer.expiresAt) ? transfer : null;
}

/**
 * Rule 3 at read time: the offers of ownership addressed to this address that are still open at
 * `now` (one lapses at its expiresAt whether or not a sweep recorded it), soonest to lapse first.
 */
export async function openOwnershipOffersTo(
  readStore: ReadStore,
  email: string,
  now: string,
  options: PageOptions = {},
): Promise<Page<CustomerOwnershipOffer>> {
  const found = await readStore.find(CUSTOMER_OWNERSHIP_OFFERS, {
    where: { toEmail: normalizeEmail(email), expiresAt: { gt: canonicalInstant(now) } },
    cursor: options.cursor ?? null,
    limit: options.limit,
  });
  return { items: found.documents as CustomerOwnershipOffer[], nextCursor: found.nextCursor };
}

/** What support searches organizations by: an address (exact) or the start of a name (any case). */
export type OrganizationSearch = { email: string } | { name: string };

/** An address matches a handful of organizations; more than this many is not a search any more. */
const MAX_EMAIL_MATCHES = 1000;

/**
 * Support's search. By name: the organizations whose name starts with it, by name, paged. By
 * address: the organizations where it is a contact, the owner or an administrator (one page).
 */
export async function searchCustomerOrganizations(
  readStore: ReadStore,
  search: OrganizationSearch,
  options: PageOptions = {},
): Promise<Page<CustomerOrganization>> {
  if ('name' in search) {
    const prefix = nameSearchValue(search.name);
    const found = await readStore.find(CUSTOMER_SEARCH_KEYS, {
      where: { key: 'name', value: { gte: prefix, lt: `${prefix}\uffff` } },
      cursor: options.cursor ?? null,
      limit: options.limit,
    });
    const ids = (found.documents as CustomerSearchKey[]).map((k) => k.organizationId);
    return { items: await organizationsById(readStore, ids), nextCursor: found.nextCursor };
  }
  const address = normalizeEmail(search.email);
  const [contacts, access] = await Promise.all([
    readStore.find(CUSTOMER_SEARCH_KEYS, { where: { key: 'email', value: emailLookupOf(address) ?? '-' }, limit: MAX_EMAIL_MATCHES }),
    readStore.find(CUSTOMER_ACCESS, { where: { email: address }, limit: MAX_EMAIL_MATCHES }),
  ]);
  const ids = [...contacts.documents, ...access.documents].map((d) => String(d.organizationId));
  const organizations = await organizationsById(readStore, [...new Set(ids)]);
  return { items: organizations.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)), nextCursor: null };
}

async function organizationsById(readStore: ReadStore, ids: string[]): Promise<CustomerOrganization[]> {
  const documents = await Promise.all(ids.map((id) => customerOrganization(readStore, id)));
  return documents.filter((d): d is CustomerOrganization => d !== null);
}
