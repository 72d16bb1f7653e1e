import type { ReadStore, Where } from '@channel-ledger/read-store';
import type { Page, PageOptions } from '../../read-page';
import { REPORTING_SUBSCRIPTIONS } from '../collections';
import type { ReportingSubscription } from '../documents';

const MS_PER_DAY = 86_400_000;
const canonical = (instant: string | Date): string =>
  new Date(instant instanceof Date ? instant.getTime() : Date.parse(instant)).toISOString();

export type SubscriptionPageOptions = PageOptions;

export interface SubscriptionPage extends Page<ReportingSubscription> {
  /** How many match in all (an indexed count), for the dashboard tile. */
  total: number;
}

async function page(readStore: ReadStore, where: Where, options: SubscriptionPageOptions): Promise<SubscriptionPage> {
  const [found, total] = await Promise.all([
    readStore.find(REPORTING_SUBSCRIPTIONS, {
      where,
      sort: [{ field: 'periodEnd', direction: 'asc' }],
      limit: options.limit,
      cursor: options.cursor ?? null,
    }),
    readStore.count(REPORTING_SUBSCRIPTIONS, where),
  ]);
  return { items: found.documents as ReportingSubscription[], total, nextCursor: found.nextCursor };
}

/**
 * Active (renewing) subscriptions of a vendor, optionally of one reseller (null: direct), by
 * next renewal date. Cancelled ones running out their paid time are not active: they will not
 * renew. With `now`, one whose paid period is over but that no sweep has expired yet is left out
 * too (the domain treats it as ended).
 */
export function activeSubscriptions(
  readStore: ReadStore,
  query: { vendorId: string; resellerId?: string | null; now?: string | Date } & SubscriptionPageOptions,
): Promise<SubscriptionPage> {
  const where: Where = { vendorId: query.vendorId, status: 'active' };
  if (query.resellerId !== undefined) where.resellerId = query.resellerId;
  if (query.now !== undefined) where.periodEnd = { gt: canonical(query.now) };
  return page(readStore, where, query);
}

/**
 * Active subscriptions whose paid period ends in (now, now + withinDays days]: the renewals due
 * in the next 30/60/90 days. A projection cannot know "now", so the window is a range on the
 * indexed periodEnd at read time.
 */
export function vendorRenewalsDue(
  readStore: ReadStore,
  query: { vendorId: string; resellerId?: string | null; now: string | Date; withinDays: 30 | 60 | 90 } & SubscriptionPageOptions,
): Promise<SubscriptionPage> {
  const now = canonical(query.now);
  const until = new Date(Date.parse(now) + query.withinDays * MS_PER_DAY).toISOString();
  const where: Where = { vendorId: query.vendorId, status: 'active', periodEnd: { gt: now, lte: until } };
  if (query.resellerId !== undefined) where.resellerId = query.resellerId;
  return page(readStore, where, query);
}
