import { canonicalInstant, isAtOrAfter } from '@channel-ledger/domain';
import {
  InvalidCursorError,
  type RangeCondition,
  type ReadDocument,
  type ReadStore,
  type SortKey,
  type Where,
} from '@channel-ledger/read-store';
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
import { customerNameKey } from './name-key';

/**
 * Read helpers the API calls. Every one is scoped by the asking reseller (another reseller's
 * documents are simply not found: a 404, never a 403) and is served by a declared index.
 */

async function page<T extends ReadDocument>(
  readStore: ReadStore,
  collection: string,
  where: Where,
  options: PageOptions,
  sort?: SortKey[],
): Promise<Page<T>> {
  const found = await readStore.find(collection, { where, sort, cursor: options.cursor ?? null, limit: options.limit });
  return { items: found.documents as T[], nextCursor: found.nextCursor };
}

async function owned<T extends { resellerId: string | null }>(
  readStore: ReadStore,
  collection: string,
  resellerId: string,
  id: string,
): Promise<T | null> {
  const document = (await readStore.get(collection, id)) as (ReadDocument & T) | null;
  return document && document.resellerId === resellerId ? document : null;
}

/** A reseller's customers, by name. */
export function resellerCustomers(readStore: ReadStore, resellerId: string, options: PageOptions = {}): Promise<Page<ResellerCustomer>> {
  return page(readStore, RESELLER_CUSTOMERS, { resellerId }, options, [{ field: 'name', direction: 'asc' }]);
}

export interface CustomerSearch extends PageOptions {
  /** Case-insensitive start of the name ("glo" finds "Globex"). */
  namePrefix?: string;
  /** Who owns the organization now (rule 2: the reseller until the customer accepts). */
  ownership?: ResellerCustomer['ownership'];
  /** Only customers with an ownership offer still open at this instant (rule 3), soonest deadline first. */
  transferOpenAt?: string;
}

/** The highest code point: every string starting with a prefix sorts below prefix + this (UTF-8 byte order). */
const AFTER_PREFIX = '\u{10FFFF}';

/**
 * A reseller's customers by name (case-insensitive order), narrowed by name prefix and ownership:
 * one indexed range. Open offers are a range on their deadline instead; there the name prefix is
 * applied to the page (offers stay open 7 days, so they are few), and a page may hold fewer items
 * than asked for while `nextCursor` says more may follow.
 */
export async function searchResellerCustomers(
  readStore: ReadStore,
  resellerId: string,
  search: CustomerSearch = {},
): Promise<Page<ResellerCustomer>> {
  const prefix = search.namePrefix === undefined ? '' : customerNameKey(search.namePrefix);
  if (search.transferOpenAt !== undefined) {
    const where: Where = { resellerId, transferExpiresAt: { gt: canonicalInstant(search.transferOpenAt) } };
    if (search.ownership === 'customer') return { items: [], nextCursor: null }; // an open offer means the reseller still owns it
    const found = await page<ResellerCustomer>(readStore, RESELLER_CUSTOMERS, where, search);
    return { items: found.items.filter((c) => c.nameKey.startsWith(prefix)), nextCursor: found.nextCursor };
  }
  const where: Where = { resellerId };
  if (search.ownership !== undefined) where.ownership = search.ownership;
  if (prefix !== '') where.nameKey = { gte: prefix, lt: prefix + AFTER_PREFIX };
  return page(readStore, RESELLER_CUSTOMERS, where, search, [{ field: 'nameKey', direction: 'asc' }]);
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
export async function publicCustomersForIssuance(
  readStore: ReadStore,
  vendorId: string,
  options: PageOptions = {},
): Promise<Page<PublicCustomer>> {
  const found = await page<ResellerCustomer>(readStore, RESELLER_CUSTOMERS, { vendorId, isPublic: true }, options, [
    { field: 'name', direction: 'asc' },
  ]);
  return {
    items: found.items.map(({ organizationId, vendorId: vendor, name }) => ({ organizationId, vendorId: vendor, name })),
    nextCursor: found.nextCursor,
  };
}

/**
 * Rule 13 for one reseller: the public customers of the given vendors (the ones it may issue
 * licenses for) that other resellers manage, vendor by vendor (in the order given) and by name.
 * Its own customers are left out: it reads those in full through its own list. The cursor
 * carries the vendor it stopped at, so a page may span two vendors.
 */
export async function publicCustomersOfOthers(
  readStore: ReadStore,
  resellerId: string,
  vendorIds: readonly string[],
  options: PageOptions = {},
): Promise<Page<PublicCustomer>> {
  const limit = options.limit ?? 100;
  let at = options.cursor ? decodeVendorCursor(options.cursor, vendorIds) : { index: 0, cursor: null as string | null };
  const items: PublicCustomer[] = [];
  while (at.index < vendorIds.length && items.length < limit) {
    const found = await readStore.find(RESELLER_CUSTOMERS, {
      where: { vendorId: vendorIds[at.index], isPublic: true },
      sort: [{ field: 'name', direction: 'asc' }],
      cursor: at.cursor,
      limit: limit - items.length,
    });
    for (const document of found.documents as ResellerCustomer[]) {
      if (document.resellerId !== resellerId)
        items.push({ organizationId: document.organizationId, vendorId: document.vendorId, name: document.name });
    }
    at = found.nextCursor ? { index: at.index, cursor: found.nextCursor } : { index: at.index + 1, cursor: null };
  }
  const nextCursor = at.index < vendorIds.length ? encodeVendorCursor(vendorIds[at.index], at.cursor) : null;
  return { items, nextCursor };
}

function encodeVendorCursor(vendorId: string, cursor: string | null): string {
  return Buffer.from(JSON.stringify({ vendorId, cursor }), 'utf8').toString('base64url');
}

function decodeVendorCursor(encoded: string, vendorIds: readonly string[]): { index: number; cursor: string | null } {
  let payload: { vendorId?: unknown; cursor?: unknown };
  try {
    payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('Malformed cursor');
  }
  const index = typeof payload?.vendorId === 'string' ? vendorIds.indexOf(payload.vendorId) : -1;
  // The vendors changed since the first page (a right expired or was granted): start again.
  if (index < 0 || (payload.cursor !== null && typeof payload.cursor !== 'string'))
    throw new InvalidCursorError('Cursor belongs to a different query');
  return { index, cursor: payload.cursor as string | null };
}

/** The vendors whose licenses a reseller may issue at `now`: those of its rights neither blocked nor expired. */
export async function issuingVendorsOf(readStore: ReadStore, resellerId: string, now: string): Promise<string[]> {
  const vendors = new Set<string>();
  let cursor: string | null = null;
  do {
    const found: Page<ResellerIssuanceRight> = await resellerIssuanceRights(readStore, resellerId, { usableAt: now, limit: 1000, cursor });
    for (const right of found.items) vendors.add(right.vendorId);
    cursor = found.nextCursor;
  } while (cursor);
  return [...vendors].sort();
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
export function transferStatusAt(
  customer: Pick<ResellerCustomer, 'pendingTransfer' | 'lastTransfer'>,
  now: string,
): 'none' | 'pending' | 'expired' {
  // The same answer before and after the offer-expiry process records the lapse.
  if (!customer.pendingTransfer) return customer.lastTransfer?.outcome === 'expired' ? 'expired' : 'none';
  return pendingTransferAt(customer, now) ? 'pending' : 'expired';
}

export interface SubscriptionFilter extends PageOptions {
  organizationId?: string;
  status?: SubscriptionStatus;
  /** Renewals (next charge) at or after this instant. */
  renewsFrom?: string;
  /** Renewals (next charge) strictly before this instant. */
  renewsBefore?: string;
}

/**
 * A reseller's subscriptions, optionally of one customer and/or in one status, in id order; with
 * a renewal window, the subscriptions charged next within it (active unless another status is
 * asked for; ended ones have no next charge), soonest first.
 */
export function resellerSubscriptions(
  readStore: ReadStore,
  resellerId: string,
  filter: SubscriptionFilter = {},
): Promise<Page<ResellerSubscription>> {
  const where: Where = { resellerId };
  if (filter.organizationId !== undefined) where.organizationId = filter.organizationId;
  if (filter.status !== undefined) where.status = filter.status;
  if (filter.renewsFrom !== undefined || filter.renewsBefore !== undefined) {
    const window: RangeCondition = {};
    if (filter.renewsFrom !== undefined) window.gte = canonicalInstant(filter.renewsFrom);
    if (filter.renewsBefore !== undefined) window.lt = canonicalInstant(filter.renewsBefore);
    where.status ??= 'active';
    where.nextChargeDate = window;
  }
  return page(readStore, RESELLER_SUBSCRIPTIONS, where, filter);
}

export function resellerSubscription(
  readStore: ReadStore,
  resellerId: string,
  subscriptionId: string,
): Promise<ResellerSubscription | null> {
  return owned<ResellerSubscription>(readStore, RESELLER_SUBSCRIPTIONS, resellerId, subscriptionId);
}

/** Active subscriptions whose next charge falls before `before`, soonest first. */
export function renewalsDue(
  readStore: ReadStore,
  resellerId: string,
  before: string,
  options: PageOptions = {},
): Promise<Page<ResellerSubscription>> {
  return page(
    readStore,
    RESELLER_SUBSCRIPTIONS,
    { resellerId, status: 'active', nextChargeDate: { lt: canonicalInstant(before) } },
    options,
  );
}

export interface IssuanceRightFilter extends PageOptions {
  /** Only rights neither blocked nor expired at this instant (some may have nothing remaining), soonest expiring first. */
  usableAt?: string;
}

export function resellerIssuanceRights(
  readStore: ReadStore,
  resellerId: string,
  filter: IssuanceRightFilter = {},
): Promise<Page<ResellerIssuanceRight>> {
  // Instants compare as strings once canonical (events store them canonical).
  const where: Where =
    filter.usableAt === undefined ? { resellerId } : { resellerId, blocked: false, expiresAt: { gt: canonicalInstant(filter.usableAt) } };
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
