import { CurrencyCode, multiplyAmount, periodsPerYear } from '@channel-ledger/domain';
import type { BillingPeriod, LedgerEventOf } from '@channel-ledger/domain';
import type { DocumentEvolution, Recorded } from '../engine/document-projection';
import { REPORTING_SUBSCRIPTIONS } from './collections';
import type { PendingSeats, ReportingSubscription } from './documents';

const canonical = (instant: string): string => new Date(Date.parse(instant)).toISOString();
const later = (a: string, b: string): string => (Date.parse(a) >= Date.parse(b) ? a : b);
const pending = (invoiceId: string | null, seats: Partial<Omit<PendingSeats, 'invoiceId'>>): PendingSeats => ({
  invoiceId,
  seatsNew: 0,
  seatsAdded: 0,
  seatsRenewed: 0,
  ...seats,
});

type ReportedSubscriptionEvent = LedgerEventOf<
  | 'SubscriptionPurchased'
  | 'DirectPurchaseRecorded'
  | 'SeatsPurchased'
  | 'PlanChanged'
  | 'SubscriptionRenewed'
  | 'SubscriptionCancelled'
  | 'SubscriptionExpired'
  | 'InvoiceIssued'
>;

/**
 * The subscription as dashboards need it: status and next renewal date (both indexed, so "renewals
 * due" is a range query at read time: a projection cannot know "now"), and who sold it. Events of
 * a stream whose purchase this projection never saw write nothing.
 */
export const reportingSubscriptions: DocumentEvolution<ReportingSubscription, ReportedSubscriptionEvent> = {
  collection: REPORTING_SUBSCRIPTIONS,
  handles: [
    'SubscriptionPurchased',
    'DirectPurchaseRecorded',
    'SeatsPurchased',
    'PlanChanged',
    'SubscriptionRenewed',
    'SubscriptionCancelled',
    'SubscriptionExpired',
    'InvoiceIssued',
  ],
  keyOf: (event) => event.data.subscriptionId,
  evolve(subscription, event) {
    if (event.type === 'SubscriptionPurchased' || event.type === 'DirectPurchaseRecorded') return opened(event);
    if (!subscription) return null;
    // The invoice attributes the pending seats to a sale (sales.ts): they are not pending any more.
    if (event.type === 'InvoiceIssued') return subscription.pendingSeats ? { ...subscription, pendingSeats: null } : subscription;
    const next = changedBy(subscription, event);
    return { ...next, annualTotal: annualTotal(next.unitPrice, next.seats, next.currency, next.billingPeriod) };
  },
};

/** A year of the current terms: the period's total (rounded) × periods per year, as the renewal quote. */
export function annualTotal(unitPrice: string, seats: number, currency: string, billingPeriod: string): string {
  const periodTotal = multiplyAmount(unitPrice, seats, currency as CurrencyCode);
  return multiplyAmount(periodTotal, periodsPerYear(billingPeriod as BillingPeriod), currency as CurrencyCode);
}

function opened(event: Recorded<LedgerEventOf<'SubscriptionPurchased' | 'DirectPurchaseRecorded'>>): ReportingSubscription {
  const d = event.data;
  return {
    id: d.subscriptionId,
    subscriptionId: d.subscriptionId,
    vendorId: d.vendorId,
    resellerId: event.type === 'SubscriptionPurchased' ? event.data.resellerId : null,
    organizationId: d.organizationId,
    organizationName: d.organizationName,
    channel: d.channel,
    status: 'active',
    planId: d.plan.planId,
    product: d.plan.product,
    tier: d.plan.tier,
    billingPeriod: d.billingPeriod,
    currency: d.currency,
    unitPrice: d.unitPrice,
    seats: d.seats,
    annualTotal: annualTotal(d.unitPrice, d.seats, d.currency, d.billingPeriod),
    periodStart: canonical(d.periodStart),
    periodEnd: canonical(d.periodEnd),
    endsAt: null,
    // The purchase event names no invoice id: the first invoice of the stream is its invoice.
    pendingSeats: pending(null, { seatsNew: d.seats }),
  };
}

function changedBy(
  s: ReportingSubscription,
  event: Recorded<
    LedgerEventOf<'SeatsPurchased' | 'PlanChanged' | 'SubscriptionRenewed' | 'SubscriptionCancelled' | 'SubscriptionExpired'>
  >,
): ReportingSubscription {
  switch (event.type) {
    case 'SeatsPurchased': {
      const d = event.data;
      return { ...s, seats: d.seatsAfter, pendingSeats: pending(d.invoiceId, { seatsAdded: d.seatsAdded }) };
    }
    case 'PlanChanged': {
      const d = event.data;
      return {
        ...s,
        planId: d.to.planId,
        product: d.to.product,
        tier: d.to.tier,
        unitPrice: d.to.unitPrice,
        seats: d.seats,
        pendingSeats: null,
      };
    }
    case 'SubscriptionRenewed': {
      const d = event.data;
      // Renewals may be paid ahead; the next renewal date is the end of the latest paid period.
      return {
        ...s,
        planId: d.plan.planId,
        product: d.plan.product,
        tier: d.plan.tier,
        unitPrice: d.unitPrice,
        seats: d.seats,
        periodStart: canonical(d.periodStart),
        periodEnd: later(s.periodEnd, canonical(d.periodEnd)),
        pendingSeats: pending(d.invoiceId, { seatsRenewed: d.seats }),
      };
    }
    case 'SubscriptionCancelled':
      return { ...s, status: 'cancelled', endsAt: canonical(event.data.effectiveAt) };
    case 'SubscriptionExpired':
      return { ...s, status: 'expired', endsAt: canonical(event.data.expiredAt) };
  }
}
