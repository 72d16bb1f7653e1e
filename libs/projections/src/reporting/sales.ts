import type { InvoiceIssued, InvoiceReason } from '@channel-ledger/domain';
import type { WriteOperation } from '@channel-ledger/read-store';
import type { EventWrites, Recorded } from '../engine/document-projection';
import type { ProjectionView } from '../engine/projection';
import { REPORTING_MONTHLY_SALES, REPORTING_SUBSCRIPTIONS } from './collections';
import type { MonthlySales, ReportingSubscription } from './documents';
import { addAmounts, zeroAmount } from './money';
import { monthOf } from './month';
import { partnerWrites } from './partners';

type RevenueField = 'newRevenue' | 'renewalRevenue' | 'expansionRevenue';
const REVENUE_OF: Record<InvoiceReason, RevenueField> = {
  purchase: 'newRevenue',
  'direct-purchase': 'newRevenue',
  renewal: 'renewalRevenue',
  'added-seats': 'expansionRevenue',
  'plan-change': 'expansionRevenue',
};

export function monthlySalesId(vendorId: string, resellerId: string | null, month: string, currency: string): string {
  return `${vendorId}|${resellerId ?? 'direct'}|${month}|${currency}`;
}

/**
 * Every sales figure is written from the invoice: revenue by invoice reason, and the seats the
 * same command sold (remembered on the subscription as `pendingSeats`, which the invoice clears:
 * subscriptions.ts), so seats and money always land on the same party, month and currency. The
 * party is the invoice owner (rule 7): a reseller, or nobody (null, a direct sale) when the
 * vendor invoices the organization.
 */
export const monthlySalesWrites: EventWrites<InvoiceIssued> = { handles: ['InvoiceIssued'], writes: salesWrites };

async function salesWrites(event: Recorded<InvoiceIssued>, view: ProjectionView): Promise<WriteOperation[]> {
  const d = event.data;
  const subscription = (await view.get(REPORTING_SUBSCRIPTIONS, d.subscriptionId)) as ReportingSubscription | null;
  if (!subscription) return [];
  const resellerId = d.issuedTo.kind === 'reseller' ? d.issuedTo.id : null;
  const month = monthOf(event.metadata.occurredAt);
  const id = monthlySalesId(subscription.vendorId, resellerId, month, d.currency);
  const current =
    ((await view.get(REPORTING_MONTHLY_SALES, id)) as MonthlySales | null) ??
    empty(id, subscription.vendorId, resellerId, month, d.currency);

  const seats = subscription.pendingSeats;
  const sold = seats && (seats.invoiceId === null || seats.invoiceId === d.invoiceId) ? seats : null;
  const field = REVENUE_OF[d.reason];
  const next: MonthlySales = {
    ...current,
    seatsNew: current.seatsNew + (sold?.seatsNew ?? 0),
    seatsAdded: current.seatsAdded + (sold?.seatsAdded ?? 0),
    seatsRenewed: current.seatsRenewed + (sold?.seatsRenewed ?? 0),
    seatsSold: current.seatsSold + (sold ? sold.seatsNew + sold.seatsAdded : 0),
    invoices: current.invoices + 1,
    totalRevenue: addAmounts(d.currency, current.totalRevenue, d.total),
  };
  if (field) next[field] = addAmounts(d.currency, current[field], d.total);

  return [
    { type: 'put', collection: REPORTING_MONTHLY_SALES, document: next },
    ...(await partnerWrites(view, subscription.vendorId, resellerId, d.currency)),
  ];
}

function empty(id: string, vendorId: string, resellerId: string | null, month: string, currency: string): MonthlySales {
  const zero = zeroAmount(currency);
  return {
    id,
    vendorId,
    resellerId,
    month,
    currency,
    seatsSold: 0,
    seatsNew: 0,
    seatsAdded: 0,
    seatsRenewed: 0,
    newRevenue: zero,
    renewalRevenue: zero,
    expansionRevenue: zero,
    totalRevenue: zero,
    invoices: 0,
  };
}
