import type { RangeCondition, ReadStore, SortDirection, Where } from '@channel-ledger/read-store';
import type { Page, PageOptions } from '../read-page';
import { AUDIT_ENTRIES, INVOICE_OWNER_INTERVALS } from './collections';
import type { AuditEntry, InvoiceOwnerInterval, InvoiceOwnerParty, SalesChannelName } from './documents';
import { canonicalInstant } from './log-keys';

export interface AuditPageOptions extends PageOptions {
  /** Log order (default) or newest first. */
  order?: SortDirection;
  /** Only events that took effect (business time, occurredAt) at or after this instant. */
  occurredFrom?: string | Date;
  /** Only events that took effect strictly before this instant. */
  occurredBefore?: string | Date;
}

export type AuditPage = Page<AuditEntry>;

/**
 * Without a date range: log order. With one: business-time order (occurredAt, then log order
 * among events of the same instant), since the range is on occurredAt and an index serves one
 * range followed by its sort fields.
 */
async function entriesWhere(readStore: ReadStore, subject: Where, options: AuditPageOptions): Promise<AuditPage> {
  const direction = options.order ?? 'asc';
  const where: Where = { ...subject };
  let sort = [{ field: 'positionKey', direction }];
  if (options.occurredFrom !== undefined || options.occurredBefore !== undefined) {
    const range: RangeCondition = {};
    if (options.occurredFrom !== undefined) range.gte = canonicalInstant(options.occurredFrom);
    if (options.occurredBefore !== undefined) range.lt = canonicalInstant(options.occurredBefore);
    where.occurredAt = range;
    sort = [{ field: 'occurredAt', direction }, ...sort];
  }
  const page = await readStore.find(AUDIT_ENTRIES, {
    where,
    sort,
    limit: options.limit,
    cursor: options.cursor ?? null,
  });
  return { items: page.documents as AuditEntry[], nextCursor: page.nextCursor };
}

/** Every event of one subscription, in log order, a page at a time. */
export function auditTrailOfSubscription(readStore: ReadStore, subscriptionId: string, options: AuditPageOptions = {}): Promise<AuditPage> {
  return entriesWhere(readStore, { subscriptionId }, options);
}

/** Every event of one organization, its subscriptions' and linked licenses' included, in log order. */
export function auditTrailOfOrganization(readStore: ReadStore, organizationId: string, options: AuditPageOptions = {}): Promise<AuditPage> {
  return entriesWhere(readStore, { organizationId }, options);
}

/** Everything one request caused, across streams (same correlation id). */
export function auditTrailOfCorrelation(readStore: ReadStore, correlationId: string, options: AuditPageOptions = {}): Promise<AuditPage> {
  return entriesWhere(readStore, { correlationId }, options);
}

export interface InvoiceOwnerAtResult {
  subscriptionId: string;
  owner: InvoiceOwnerParty;
  channel: SalesChannelName;
  /** The interval the instant falls in: [validFrom, validTo), validTo null while still current. */
  validFrom: string;
  validTo: string | null;
  reason: string | null;
}

function ownerResult(interval: InvoiceOwnerInterval): InvoiceOwnerAtResult {
  const { subscriptionId, owner, channel, validFrom, validTo, reason } = interval;
  return { subscriptionId, owner, channel, validFrom, validTo, reason };
}

/**
 * "Who was the invoice owner of subscription S at instant D": one indexed lookup, the latest
 * interval starting at or before D. Null before the purchase. After the subscription ended the
 * last owner is still returned: its invoices stay addressed to it.
 */
export async function invoiceOwnerAt(
  readStore: ReadStore,
  subscriptionId: string,
  instant: string | Date,
): Promise<InvoiceOwnerAtResult | null> {
  const at = canonicalInstant(instant);
  const { documents } = await readStore.find(INVOICE_OWNER_INTERVALS, {
    where: { subscriptionId, validFrom: { lte: at } },
    sort: [{ field: 'validFrom', direction: 'desc' }],
    limit: 1,
  });
  const interval = documents[0] as InvoiceOwnerInterval | undefined;
  if (!interval) return null;
  if (interval.validTo !== null && interval.validTo <= at) return null; // never for contiguous intervals; kept as the contract
  return ownerResult(interval);
}

/** The whole invoice-owner history of a subscription, oldest first. */
export async function invoiceOwnerHistory(readStore: ReadStore, subscriptionId: string): Promise<InvoiceOwnerAtResult[]> {
  return (await allIntervals(readStore, { subscriptionId })).map(ownerResult);
}

/**
 * The invoice owner of each subscription of an organization at instant D. One indexed range
 * (the organization's intervals starting at or before D), filtered to those still open at D:
 * bounded by the organization's history, not by the log.
 */
export async function invoiceOwnersOfOrganizationAt(
  readStore: ReadStore,
  organizationId: string,
  instant: string | Date,
): Promise<InvoiceOwnerAtResult[]> {
  const at = canonicalInstant(instant);
  const intervals = await allIntervals(readStore, { organizationId, validFrom: { lte: at } });
  return intervals.filter((interval) => interval.validTo === null || interval.validTo > at).map(ownerResult);
}

async function allIntervals(readStore: ReadStore, where: Where): Promise<InvoiceOwnerInterval[]> {
  const intervals: InvoiceOwnerInterval[] = [];
  let cursor: string | null = null;
  do {
    const page = await readStore.find(INVOICE_OWNER_INTERVALS, {
      where,
      sort: [{ field: 'validFrom', direction: 'asc' }],
      limit: 1000,
      cursor,
    });
    intervals.push(...(page.documents as InvoiceOwnerInterval[]));
    cursor = page.nextCursor;
  } while (cursor);
  return intervals;
}
