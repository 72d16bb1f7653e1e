import { MoneyDecimal } from '@channel-ledger/domain';
import type { RangeCondition, ReadStore, Where } from '@channel-ledger/read-store';
import {
  REPORTING_ISSUANCE_RIGHTS,
  REPORTING_MONTHLY_SALES,
  REPORTING_SUBSCRIPTIONS,
  REPORTING_TRANSFER_OUTCOMES,
  REPORTING_TRANSFERS,
  REPORTING_VENDOR_RESELLERS,
} from '../collections';
import type {
  MonthlySales,
  MonthlyTransferOutcomes,
  ReportingIssuanceRight,
  ReportingSubscription,
  ReportingTransfer,
  VendorReseller,
} from '../documents';
import { addAmounts } from '../money';
import { assertMonth, monthOf } from '../month';
import { readAll } from './read-all';
import { addRight, emptyUtilization, type Utilization } from './utilization';

/*
 * The figures of the reporting dashboard, as tables: each a list of flat rows a page, a CSV file
 * or a BI tool can use as they are. Money is a decimal string next to its currency and is only
 * ever added within one currency. Time-dependent figures (active, renewals due, pending or
 * lapsed transfers, expired rights) are judged against the `now` the caller passes.
 */

const MS_PER_DAY = 86_400_000;

/** Whose figures: a vendor's (every reseller selling for it, and its direct sales) or one reseller's (every vendor). */
export type DashboardScope = { kind: 'vendor'; vendorId: string } | { kind: 'reseller'; resellerId: string };

export interface DashboardFilter {
  /** Vendor scope only: one reseller's figures; null for the vendor's direct sales. */
  resellerId?: string | null;
  /** Only figures in this currency (money tables; seats of sales in it). */
  currency?: string;
  /** Inclusive months ("2026-01") for the monthly figures (revenue, seats, transfer outcomes). */
  fromMonth?: string;
  toMonth?: string;
}

export interface DashboardQuery {
  scope: DashboardScope;
  filter?: DashboardFilter;
  now: string | Date;
}

/** Who a row is about. resellerName is the registered company name; null for direct sales. */
export interface PartnerColumns {
  vendorId: string;
  resellerId: string | null;
  resellerName: string | null;
}

export interface RevenueRow extends PartnerColumns {
  month: string;
  currency: string;
  newRevenue: string;
  renewalRevenue: string;
  expansionRevenue: string;
  totalRevenue: string;
  invoices: number;
}

export interface SeatsRow extends PartnerColumns {
  month: string;
  seatsNew: number;
  seatsAdded: number;
  /** seatsNew + seatsAdded. */
  seatsSold: number;
  seatsRenewed: number;
}

export interface ActiveSubscriptionsRow extends PartnerColumns {
  currency: string;
  subscriptions: number;
  seats: number;
  annualTotal: string;
}

export type RenewalWindow = 30 | 60 | 90;
export const RENEWAL_WINDOWS: readonly RenewalWindow[] = [30, 60, 90];

export interface RenewalsDueRow extends PartnerColumns {
  /** Cumulative windows: due within 30 days is also within 60 and 90. */
  withinDays: RenewalWindow;
  currency: string;
  subscriptions: number;
  seats: number;
  annualTotal: string;
}

export interface TransfersRow extends PartnerColumns {
  /** Open now, not yet expired (not limited to the period). */
  pending: number;
  initiated: number;
  accepted: number;
  lapsed: number;
  cancelled: number;
}

export interface UtilizationRow extends PartnerColumns, Utilization {
  licenseTemplateId: string;
  /** used / granted × 100, one decimal, half-even ("0.0" when nothing was granted). */
  usedPercent: string;
}

export interface DashboardOverview {
  scope: DashboardScope;
  /** The vendor's resellers (null: direct sales), or the reseller's vendors, with their currencies. */
  partners: (PartnerColumns & { currencies: string[] })[];
  currencies: string[];
  /** First and last month with any sale or transfer outcome in scope; null when there are none. */
  months: { first: string | null; last: string | null };
}

// -- reading -------------------------------------------------------------------------------------

function scopeWhere(scope: DashboardScope, filter: DashboardFilter = {}): Where {
  if (scope.kind === 'reseller') return { resellerId: scope.resellerId };
  const where: Where = { vendorId: scope.vendorId };
  if (filter.resellerId !== undefined) where.resellerId = filter.resellerId;
  return where;
}

function monthRange(filter: DashboardFilter = {}): RangeCondition | null {
  const range: RangeCondition = {};
  if (filter.fromMonth !== undefined) range.gte = assertMonth(filter.fromMonth, 'fromMonth');
  if (filter.toMonth !== undefined) range.lte = assertMonth(filter.toMonth, 'toMonth');
  return range.gte === undefined && range.lte === undefined ? null : range;
}

function inMonths(month: string, filter: DashboardFilter = {}): boolean {
  return (filter.fromMonth === undefined || month >= filter.fromMonth) && (filter.toMonth === undefined || month <= filter.toMonth);
}

function monthlyWhere(query: DashboardQuery): Where {
  const where = scopeWhere(query.scope, query.filter);
  const months = monthRange(query.filter);
  if (months) where.month = months;
  return where;
}

const instant = (value: string | Date): string => (value instanceof Date ? value : new Date(Date.parse(value))).toISOString();
const pairKey = (vendorId: string, resellerId: string | null) => `${vendorId}|${resellerId ?? ''}`;

/** Names of the partners in scope, from `reporting_vendor_resellers` (one indexed query). */
class Names {
  private constructor(
    private readonly byPair: Map<string, string | null>,
    readonly partners: VendorReseller[],
  ) {}

  static async of(readStore: ReadStore, scope: DashboardScope): Promise<Names> {
    const partners = await readAll<VendorReseller>(readStore, REPORTING_VENDOR_RESELLERS, { where: scopeWhere(scope) });
    return new Names(new Map(partners.map((p) => [pairKey(p.vendorId, p.resellerId), p.companyName])), partners);
  }

  columns(vendorId: string, resellerId: string | null): PartnerColumns {
    return {
      vendorId,
      resellerId,
      resellerName: resellerId === null ? null : (this.byPair.get(pairKey(vendorId, resellerId)) ?? resellerId),
    };
  }
}

/** The columns besides the partner's that order a table's rows, where it has them. */
type OrderingColumns = Partial<{ month: string; withinDays: number; currency: string; licenseTemplateId: string }>;

/** Rows in a stable order: month (if any), vendor, reseller name (direct last), reseller id, currency, window, template. */
function sortRows<T extends PartnerColumns & OrderingColumns>(rows: T[]): T[] {
  const key = (row: T) => [
    row.month ?? '',
    String(row.withinDays ?? '').padStart(3, '0'),
    row.vendorId,
    row.resellerId === null ? '\uffff' : (row.resellerName ?? '').toLowerCase(),
    row.resellerId ?? '',
    row.currency ?? '',
    row.licenseTemplateId ?? '',
  ];
  return rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return 0;
  });
}

// -- tables --------------------------------------------------------------------------------------

async function monthlySalesOf(readStore: ReadStore, query: DashboardQuery): Promise<MonthlySales[]> {
  const sales = await readAll<MonthlySales>(readStore, REPORTING_MONTHLY_SALES, {
    where: monthlyWhere(query),
    sort: [{ field: 'month', direction: 'asc' }],
  });
  const currency = query.filter?.currency;
  return currency === undefined ? sales : sales.filter((s) => s.currency === currency);
}

/** New, renewal and expansion revenue per month, partner and currency. */
export async function dashboardRevenue(readStore: ReadStore, query: DashboardQuery): Promise<RevenueRow[]> {
  const [names, sales] = await Promise.all([Names.of(readStore, query.scope), monthlySalesOf(readStore, query)]);
  return sortRows(
    sales.map((s) => ({
      month: s.month,
      ...names.columns(s.vendorId, s.resellerId),
      currency: s.currency,
      newRevenue: s.newRevenue,
      renewalRevenue: s.renewalRevenue,
      expansionRevenue: s.expansionRevenue,
      totalRevenue: s.totalRevenue,
      invoices: s.invoices,
    })),
  );
}

/** Seats sold (new + added) and renewed per month and partner; seats carry no currency, so currencies add up here. */
export async function dashboardSeats(readStore: ReadStore, query: DashboardQuery): Promise<SeatsRow[]> {
  const [names, sales] = await Promise.all([Names.of(readStore, query.scope), monthlySalesOf(readStore, query)]);
  const rows = new Map<string, SeatsRow>();
  for (const s of sales) {
    const key = `${s.month}|${pairKey(s.vendorId, s.resellerId)}`;
    const row = rows.get(key) ?? {
      month: s.month,
      ...names.columns(s.vendorId, s.resellerId),
      seatsNew: 0,
      seatsAdded: 0,
      seatsSold: 0,
      seatsRenewed: 0,
    };
    row.seatsNew += s.seatsNew;
    row.seatsAdded += s.seatsAdded;
    row.seatsSold += s.seatsSold;
    row.seatsRenewed += s.seatsRenewed;
    rows.set(key, row);
  }
  return sortRows([...rows.values()]);
}

/**
 * Active (renewing, paid period not over at `now`) subscriptions in scope, one indexed range
 * query; with `withinDays`, only those whose period ends within that many days.
 */
async function activeOf(readStore: ReadStore, query: DashboardQuery, withinDays?: number): Promise<ReportingSubscription[]> {
  const now = instant(query.now);
  const periodEnd: RangeCondition = { gt: now };
  if (withinDays !== undefined) periodEnd.lte = new Date(Date.parse(now) + withinDays * MS_PER_DAY).toISOString();
  const where: Where = { ...scopeWhere(query.scope, query.filter), status: 'active', periodEnd };
  const active = await readAll<ReportingSubscription>(readStore, REPORTING_SUBSCRIPTIONS, { where });
  const currency = query.filter?.currency;
  return currency === undefined ? active : active.filter((s) => s.currency === currency);
}

/** Active subscriptions per partner and currency: how many, their seats and a year of their current terms. */
export async function dashboardActiveSubscriptions(readStore: ReadStore, query: DashboardQuery): Promise<ActiveSubscriptionsRow[]> {
  const [names, active] = await Promise.all([Names.of(readStore, query.scope), activeOf(readStore, query)]);
  const rows = new Map<string, ActiveSubscriptionsRow>();
  const totals = new Sums();
  for (const s of active) {
    const key = `${pairKey(s.vendorId, s.resellerId)}|${s.currency}`;
    let row = rows.get(key);
    if (!row)
      rows.set(
        key,
        (row = { ...names.columns(s.vendorId, s.resellerId), currency: s.currency, subscriptions: 0, seats: 0, annualTotal: '' }),
      );
    row.subscriptions += 1;
    row.seats += s.seats;
    totals.add(key, s.annualTotal);
  }
  for (const [key, row] of rows) row.annualTotal = totals.total(key, row.currency);
  return sortRows([...rows.values()]);
}

/** Exact sums of decimal strings by key, rendered once per key in the currency's minor digits. */
class Sums {
  private readonly amounts = new Map<string, string[]>();

  add(key: string, amount: string): void {
    const list = this.amounts.get(key);
    if (list) list.push(amount);
    else this.amounts.set(key, [amount]);
  }

  total(key: string, currency: string): string {
    return addAmounts(currency, ...(this.amounts.get(key) ?? []));
  }
}

/**
 * Renewals due within 30, 60 and 90 days of `now` (periodEnd in (now, now + N days]) per partner
 * and currency, with the annual total of their current terms. Every window is listed for a
 * partner and currency that has anything due within 90 days.
 */
export async function dashboardRenewalsDue(readStore: ReadStore, query: DashboardQuery): Promise<RenewalsDueRow[]> {
  const now = Date.parse(instant(query.now));
  const [names, active] = await Promise.all([Names.of(readStore, query.scope), activeOf(readStore, query, 90)]);
  const rows = new Map<string, RenewalsDueRow>();
  const totals = new Sums();
  for (const s of active) {
    const dueInMs = Date.parse(s.periodEnd) - now;
    if (dueInMs > 90 * MS_PER_DAY) continue;
    for (const withinDays of RENEWAL_WINDOWS) {
      const key = `${withinDays}|${pairKey(s.vendorId, s.resellerId)}|${s.currency}`;
      let row = rows.get(key);
      if (!row)
        rows.set(
          key,
          (row = {
            withinDays,
            ...names.columns(s.vendorId, s.resellerId),
            currency: s.currency,
            subscriptions: 0,
            seats: 0,
            annualTotal: '',
          }),
        );
      if (dueInMs <= withinDays * MS_PER_DAY) {
        row.subscriptions += 1;
        row.seats += s.seats;
        totals.add(key, s.annualTotal);
      }
    }
  }
  for (const [key, row] of rows) row.annualTotal = totals.total(key, row.currency);
  return sortRows([...rows.values()]);
}

/**
 * Ownership transfers per partner: pending now, and initiated, accepted, lapsed and cancelled in
 * the period (each dated by its own business date; a lapse by its expiry, recorded or not).
 */
export async function dashboardTransfers(readStore: ReadStore, query: DashboardQuery): Promise<TransfersRow[]> {
  const now = instant(query.now);
  const [names, outcomes, open] = await Promise.all([
    Names.of(readStore, query.scope),
    readAll<MonthlyTransferOutcomes>(readStore, REPORTING_TRANSFER_OUTCOMES, {
      where: monthlyWhere(query),
      sort: [{ field: 'month', direction: 'asc' }],
    }),
    readAll<ReportingTransfer>(readStore, REPORTING_TRANSFERS, { where: { ...scopeWhere(query.scope, query.filter), status: 'open' } }),
  ]);
  const rows = new Map<string, TransfersRow>();
  const rowOf = (vendorId: string, resellerId: string) => {
    const key = pairKey(vendorId, resellerId);
    const row = rows.get(key) ?? { ...names.columns(vendorId, resellerId), pending: 0, initiated: 0, accepted: 0, lapsed: 0, cancelled: 0 };
    rows.set(key, row);
    return row;
  };
  for (const o of outcomes) {
    const row = rowOf(o.vendorId, o.resellerId);
    row.initiated += o.initiated;
    row.accepted += o.accepted;
    row.lapsed += o.lapsed;
    row.cancelled += o.cancelled;
  }
  for (const t of open) {
    if (t.expiresAt > now) rowOf(t.vendorId, t.resellerId).pending += 1;
    else if (inMonths(monthOf(t.expiresAt), query.filter)) rowOf(t.vendorId, t.resellerId).lapsed += 1; // lapsed, no sweep yet
  }
  return sortRows([...rows.values()]);
}

/** Issuance-right utilization per partner and license template, at `now`. */
export async function dashboardUtilization(readStore: ReadStore, query: DashboardQuery): Promise<UtilizationRow[]> {
  const now = Date.parse(instant(query.now));
  const [names, rights] = await Promise.all([
    Names.of(readStore, query.scope),
    readAll<ReportingIssuanceRight>(readStore, REPORTING_ISSUANCE_RIGHTS, { where: scopeWhere(query.scope, query.filter) }),
  ]);
  const rows = new Map<string, UtilizationRow>();
  for (const right of rights) {
    const key = `${pairKey(right.vendorId, right.resellerId)}|${right.licenseTemplateId}`;
    const row = rows.get(key) ?? {
      ...names.columns(right.vendorId, right.resellerId),
      licenseTemplateId: right.licenseTemplateId,
      ...emptyUtilization(),
      usedPercent: '0.0',
    };
    addRight(row, right, now);
    rows.set(key, row);
  }
  for (const row of rows.values()) row.usedPercent = usedPercent(row.used, row.granted);
  return sortRows([...rows.values()]);
}

export function usedPercent(used: number, granted: number): string {
  return granted === 0 ? '0.0' : new MoneyDecimal(used).times(100).dividedBy(granted).toFixed(1);
}

/** What the filters offer: partners, currencies and the months that have figures. */
export async function dashboardOverview(readStore: ReadStore, scope: DashboardScope): Promise<DashboardOverview> {
  const where = scopeWhere(scope);
  const edge = async (collection: string, direction: 'asc' | 'desc') =>
    ((await readStore.find(collection, { where, sort: [{ field: 'month', direction }], limit: 1 })).documents[0]?.month as
      string | undefined) ?? null;
  const [names, firstSale, lastSale, firstTransfer, lastTransfer] = await Promise.all([
    Names.of(readStore, scope),
    edge(REPORTING_MONTHLY_SALES, 'asc'),
    edge(REPORTING_MONTHLY_SALES, 'desc'),
    edge(REPORTING_TRANSFER_OUTCOMES, 'asc'),
    edge(REPORTING_TRANSFER_OUTCOMES, 'desc'),
  ]);
  const pick = (values: (string | null)[], choose: (a: string, b: string) => string) =>
    values.filter((v): v is string => v !== null).reduce<string | null>((a, b) => (a === null ? b : choose(a, b)), null);
  const partners = sortRows(names.partners.map((p) => ({ ...names.columns(p.vendorId, p.resellerId), currencies: p.currencies })));
  return {
    scope,
    partners,
    currencies: [...new Set(partners.flatMap((p) => p.currencies))].sort(),
    months: {
      first: pick([firstSale, firstTransfer], (a, b) => (a < b ? a : b)),
      last: pick([lastSale, lastTransfer], (a, b) => (a > b ? a : b)),
    },
  };
}
