import { canonicalInstant, isAtOrAfter } from '@channel-ledger/domain';
import type { ReadDocument, ReadStore, SortKey, Where } from '@channel-ledger/read-store';
import type { Page, PageOptions } from '../read-page';
import { RESELLER_CUSTOMERS, RESELLER_ISSUANCE_RIGHTS, RESELLER_LICENSES, RESELLER_SUBSCRIPTIONS } from './collections';
import type {
  LicenseStatus,
  PendingTransfer,
  ResellerCustomer,
  ResellerIssuanceRight,
  ResellerLicense,
  ResellerSubscription,
  SubscriptionStatus,
} from './documents';

/**
 * Read helpers the API calls. Every one is scoped by the asking reseller (another reseller's
 * documents are simply not found: a 404, never a 403) and is served by a declared index.
 */


async function page<T>(readStore: ReadStore, collection: string, where: Where, options: PageOptions, sort?: SortKey[]): Promise<Page<T>> {
  const found = await readStore.find(collection, { where, sort, cursor: options.cursor ?? null, limit: options.limit });
  return { items: found.documents as unknown as T[], nextCursor: found.nextCursor };
}

async function owned<T extends { resellerId: string | null }>(readStore: ReadStore, collection: string, resellerId: string, id: string): Promise<T | null> {
  const document = (await readStore.get(collection, id)) as (ReadDocument & T) | null;
  return document && document.resellerId === resellerId ? document : null;
}

/** A reseller's customers, by name. */
export function resellerCustomers(readStore: ReadStore, resellerId: string, options: PageOptions = {}): Promise<Page<ResellerCustomer>> {
  return page(readStore, RESELLER_CUSTOMERS, { resellerId }, options, [{ field: 'name', direction: 'asc' }]);
}

/** One of the reseller's customers, or null (unknown or another reseller's). */
export function resellerCustomer(readStore: ReadStore, resellerId: string, organizationId: string): Promise<ResellerCustomer | null> {
  return owned<ResellerCustomer>(readStore, RESELLER_CUSTOMERS, resellerId, organizationId);
}

/** All a reseller of another customer may know about a public customer: enough to issue to it. */
export type PublicCustomer = { organizationId: string; vendorId: string; name: string };

/**
 * Rule 13: the vendor's public customers, visible to its other resellers for license issuance
 * only, so only the identifying fields leave this function (no owner, contacts or admins).
 */
export async function publicCustomersForIssuance(readStore: ReadStore, vendorId: string, options: PageOptions = {}): Promise<Page<PublicCustomer>> {
  const found = await page<ResellerCustomer>(readStore, RESELLER_CUSTOMERS, { vendorId, isPublic: true }, options, [{ field: 'name', direction: 'asc' }]);
  return {
    items: found.items.map(({ organizationId, vendorId: vendor, name }) => ({ organizationId, vendorId: vendor, name })),
    nextCursor: found.nextCursor,
  };
}

/**
 * Rule 3, at read time: the open transfer unless it has lapsed at `now` (a transfer expires at
 * its expiresAt even if no sweep recorded OwnershipTransferExpired yet).
 */
export function pendingTransferAt(customer: Pick<ResellerCustomer, 'pendingTransfer'>, now: string): PendingTransfer | null {
  const transfer = customer.pendingTransfer;
  return transfer && !isAtOrAfter(now, transfer.expiresAt) ? transfer : null;
}

/** 'expired' is a recorded pending transfer whose deadline has passed: the reseller may initiate again. */
export function transferStatusAt(customer: Pick<ResellerCustomer, 'pendingTransfer'>, now: string): 'none' | 'pending' | 'expired' {
  if (!customer.pendingTransfer) return 'none';
  return pendingTransferAt(customer, now) ? 'pending' : 'expired';
}

export interface SubscriptionFilter extends PageOptions {
  organizationId?: string;
  status?: SubscriptionStatus;
}

/** A reseller's subscriptions, optionally of one customer and/or in one status, in id order. */
export function resellerSubscriptions(readStore: ReadStore, resellerId: string, filter: SubscriptionFilter = {}): Promise<Page<ResellerSubscription>> {
  const where: Where = { resellerId };
  if (filter.organizationId !== undefined) where.organizationId = filter.organizationId;
  if (filter.status !== undefined) where.status = filter.status;
  return page(readStore, RESELLER_SUBSCRIPTIONS, where, filter);
}

export function resellerSubscription(readStore: ReadStore, resellerId: string, subscriptionId: string): Promise<ResellerSubscription | null> {
  return owned<ResellerSubscription>(readStore, RESELLER_SUBSCRIPTIONS, resellerId, subscriptionId);
}

/** Active subscriptions whose next charge falls before `before`, soonest first. */
export function renewalsDue(readStore: ReadStore, resellerId: string, before: string, options: PageOptions = {}): Promise<Page<ResellerSubscription>> {
  return page(readStore, RESELLER_SUBSCRIPTIONS, { resellerId, status: 'active', nextChargeDate: { lt: canonicalInstant(before) } }, options);
}

export interface IssuanceRightFilter extends PageOptions {
  /** Only rights neither blocked nor expired at this instant (some may have nothing remaining), soonest expiring first. */
  usableAt?: string;
}

export function resellerIssuanceRights(readStore: ReadStore, resellerId: string, filter: IssuanceRightFilter = {}): Promise<Page<ResellerIssuanceRight>> {
  // Instants compare as strings once canonical (events store them canonical).
  const where: Where = filter.usableAt === undefined ? { resellerId } : { resellerId, blocked: false, expiresAt: { gt: canonicalInstant(filter.usableAt) } };
  return page(readStore, RESELLER_ISSUANCE_RIGHTS, where, filter);
}

export function resellerIssuanceRight(readStore: ReadStore, resellerId: string, rightId: string): Promise<ResellerIssuanceRight | null> {
  return owned<ResellerIssuanceRight>(readStore, RESELLER_ISSUANCE_RIGHTS, resellerId, rightId);
}

/** `rightId` cannot be combined with `organizationId` or `status` (no index serves that). */
export interface LicenseFilter extends PageOptions {
  /** A customer's licenses; null for the unlinked ones (rule 14). */
  organizationId?: string | null;
  status?: LicenseStatus;
  rightId?: string;
}

export function resellerLicenses(readStore: ReadStore, resellerId: string, filter: LicenseFilter = {}): Promise<Page<ResellerLicense>> {
  const where: Where = { resellerId };
  if (filter.organizationId !== undefined) where.organizationId = filter.organizationId;
  if (filter.status !== undefined) where.status = filter.status;
  if (filter.rightId !== undefined) where.rightId = filter.rightId;
  return page(readStore, RESELLER_LICENSES, where, filter);
}

export function resellerLicense(readStore: ReadStore, resellerId: string, licenseId: string): Promise<ResellerLicense | null> {
  return owned<ResellerLicense>(readStore, RESELLER_LICENSES, resellerId, licenseId);
}
