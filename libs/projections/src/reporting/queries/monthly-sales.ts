import type { RangeCondition, ReadStore, Where } from '@channel-ledger/read-store';
import { REPORTING_MONTHLY_SALES, REPORTING_MONTHLY_TRANSFERS } from '../collections';
import type { MonthlySales, MonthlyTransfers } from '../documents';
import { assertMonth } from '../month';
import { readAll } from './read-all';

export interface MonthlySalesQuery {
  vendorId: string;
  /** One reseller; null for direct sales; omitted for all. */
  resellerId?: string | null;
  /** Inclusive, "2026-01". */
  fromMonth?: string;
  /** Inclusive, "2026-12". */
  toMonth?: string;
}

/** Money of one currency; figures of different currencies are never added together. */
export type CurrencySales = Omit<MonthlySales, 'id' | 'vendorId' | 'resellerId' | 'month'>;

export interface MonthlySalesRow {
  vendorId: string;
  resellerId: string | null;
  month: string;
  /** Seats are currency-free, so these add up across currencies. */
  seatsSold: number;
  seatsRenewed: number;
  /** One entry per currency sold in, sorted by currency. */
  byCurrency: CurrencySales[];
  ownershipTransfers: { initiated: number; accepted: number; expired: number; cancelled: number };
}

/**
 * Monthly sales of a vendor (optionally one reseller) between two months: two indexed range
 * queries (sales per currency, transfers) merged into one row per reseller and month, sorted by
 * month then reseller (direct sales last).
 */
export async function monthlySales(readStore: ReadStore, query: MonthlySalesQuery): Promise<MonthlySalesRow[]> {
  const where: Where = { vendorId: query.vendorId };
  if (query.resellerId !== undefined) where.resellerId = query.resellerId;
  const months: RangeCondition = {};
  if (query.fromMonth) months.gte = assertMonth(query.fromMonth, 'fromMonth');
  if (query.toMonth) months.lte = assertMonth(query.toMonth, 'toMonth');
  if (months.gte !== undefined || months.lte !== undefined) where.month = months;
  const sort = [{ field: 'month', direction: 'asc' as const }];

  const [sales, transfers] = await Promise.all([
    readAll<MonthlySales>(readStore, REPORTING_MONTHLY_SALES, { where, sort }),
    readAll<MonthlyTransfers>(readStore, REPORTING_MONTHLY_TRANSFERS, { where, sort }),
  ]);

  const rows = new Map<string, MonthlySalesRow>();
  const rowOf = (resellerId: string | null, month: string): MonthlySalesRow => {
    const key = `${month}|${resellerId === null ? '\uffff' : resellerId}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        vendorId: query.vendorId,
        resellerId,
        month,
        seatsSold: 0,
        seatsRenewed: 0,
        byCurrency: [],
        ownershipTransfers: { initiated: 0, accepted: 0, expired: 0, cancelled: 0 },
      };
      rows.set(key, row);
    }
    return row;
  };
  for (const s of sales) {
    const row = rowOf(s.resellerId, s.month);
    row.seatsSold += s.seatsSold;
    row.seatsRenewed += s.seatsRenewed;
    const {
      currency,
      seatsSold,
      seatsNew,
      seatsAdded,
      seatsRenewed,
      newRevenue,
      renewalRevenue,
      expansionRevenue,
      totalRevenue,
      invoices,
    } = s;
    row.byCurrency.push({
      currency,
      seatsSold,
      seatsNew,
      seatsAdded,
      seatsRenewed,
      newRevenue,
      renewalRevenue,
      expansionRevenue,
      totalRevenue,
      invoices,
    });
  }
  for (const t of transfers) {
    rowOf(t.resellerId, t.month).ownershipTransfers = {
      initiated: t.initiated,
      accepted: t.accepted,
      expired: t.expired,
      cancelled: t.cancelled,
    };
  }
  return [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => ({ ...row, byCurrency: row.byCurrency.sort((a, b) => (a.currency < b.currency ? -1 : 1)) }));
}
