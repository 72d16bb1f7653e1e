import { isAtOrAfter, normalizeEmail } from '@channel-ledger/domain';
import type { ReadStore } from '@channel-ledger/read-store';
import type { Page, PageOptions } from '../read-page';
import { accessId, CUSTOMER_ACCESS, CUSTOMER_ORGANIZATIONS } from './collections';
import type { CustomerAccess, CustomerOrganization } from './documents';


/** The organization's view by id, without an access check (support tools, after their own check). */
export async function customerOrganization(readStore: ReadStore, organizationId: string): Promise<CustomerOrganization | null> {
  return (await readStore.get(CUSTOMER_ORGANIZATIONS, organizationId)) as CustomerOrganization | null;
}

/**
 * The organization as a signed-in customer sees it: only its owner (after accepting, rule 2) or an
 * administrator who accepted (rule 15); anyone else gets null (a 404, the organization's existence
 * is not confirmed).
 */
export async function customerOrganizationFor(readStore: ReadStore, organizationId: string, email: string): Promise<CustomerOrganization | null> {
  const address = normalizeEmail(email);
  const [owner, administrator] = await Promise.all([
    readStore.get(CUSTOMER_ACCESS, accessId(organizationId, 'owner', address)),
    readStore.get(CUSTOMER_ACCESS, accessId(organizationId, 'administrator', address)),
  ]);
  return owner || administrator ? customerOrganization(readStore, organizationId) : null;
}

/** The organizations a signed-in address may see, with its role in each (one entry per role). */
export async function customerOrganizationsOf(readStore: ReadStore, email: string, options: PageOptions = {}): Promise<Page<CustomerAccess>> {
  const found = await readStore.find(CUSTOMER_ACCESS, {
    where: { email: normalizeEmail(email) },
    sort: [{ field: 'organizationId', direction: 'asc' }],
    cursor: options.cursor ?? null,
    limit: options.limit,
  });
  return { items: found.documents as unknown as CustomerAccess[], nextCursor: found.nextCursor };
}

/** Rule 3 at read time: the ownership offer unless it lapsed at `now` (no sweep needed). */
export function openTransferAt(organization: Pick<CustomerOrganization, 'pendingTransfer'>, now: string): CustomerOrganization['pendingTransfer'] {
  const transfer = organization.pendingTransfer;
  return transfer && !isAtOrAfter(now, transfer.expiresAt) ? transfer : null;
}
