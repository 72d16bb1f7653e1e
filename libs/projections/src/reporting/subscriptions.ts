import { CurrencyCode, multiplyAmount, periodsPerYear } from '@channel-ledger/domain';
import type {
  BillingPeriod,
  DirectPurchaseRecorded,
  PlanChanged,
  SeatsPurchased,
  SubscriptionCancelled,
  SubscriptionExpired,
  SubscriptionPurchased,
  SubscriptionRenewed,
} from '@channel-ledger/domain';
import type { RecordedEvent } from '@channel-ledger/event-store';
import type { WriteOperation } from '@channel-ledger/read-store';
import type { ProjectionView } from '../engine/projection';
import { REPORTING_SUBSCRIPTIONS } from './collections';
import type { PendingSeats, ReportingSubscription } from './documents';
import { partnerWrites } from './partners';

const canonical = (instant: string): string => new Date(Date.parse(instant)).toISOString();
const later = (a: string, b: string): string => (Date.parse(a) >= Date.parse(b) ? a : b);
const pending = (invoiceId: string | null, seats: Partial<Omit<PendingSeats, 'invoiceId'>>): PendingSeats => ({
  invoiceId,
  seatsNew: 0,
  seatsAdded: 0,
  seatsRenewed: 0,
  ...seats,
});

/**
 * The subscription as dashboards need it: status and next renewal date (both indexed, so "renewals
 * due" is a range query at read time: a projection cannot know "now"), and who sold it.
 */
export async function subscriptionWrites(event: RecordedEvent, view: ProjectionView): Promise<WriteOperation[]> {
  if (event.type === 'SubscriptionPurchased' || event.type === 'DirectPurchaseRecorded') {
    const subscription = opened(event);
    // Direct sales become a partner of the vendor with their invoice (resellerId null).
    return [
      put(subscription),
      ...(subscription.resellerId === null ? [] : await partnerWrites(view, subscription.vendorId, subscription.resellerId)),
    ];
  }
  const id = event.data.subscriptionId;
  if (typeof id !== 'string') return [];
  const current = (await view.get(REPORTING_SUBSCRIPTIONS, id)) as ReportingSubscription | null;
  if (!current) return []; // a stream whose purchase this projection never saw: nothing to report on
  const next = evolve(current, event);
  return next ? [put({ ...next, annualTotal: annualTotal(next.unitPrice, next.seats, next.currency, next.billingPeriod) })] : [];
}

/** A year of the current terms: the period's total (rounded) × periods per year, as the renewal quote. */
export function annualTotal(unitPrice: string, seats: number, currency: string, billingPeriod: string): string {
  const periodTotal = multiplyAmount(unitPrice, seats, currency as CurrencyCode);
  return multiplyAmount(periodTotal, periodsPerYear(billingPeriod as BillingPeriod), currency as CurrencyCode);
}

function opened(event: RecordedEvent): ReportingSubscription {
  const d = event.data as unknown as SubscriptionPurchased['data'] | DirectPurchaseRecorded['data'];
  return {
    id: d.subscriptionId,
    subscriptionId: d.subscriptionId,
    vendorId: d.vendorId,
    resellerId: 'resellerId' in d ? d.resellerId : null,
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

function evolve(s: ReportingSubscription, event: RecordedEvent): ReportingSubscription | null {
  switch (event.type) {
    case 'SeatsPurchased': {
      const d = event.data as unknown as SeatsPurchased['data'];
      return { ...s, seats: d.seatsAfter, pendingSeats: pending(d.invoiceId, { seatsAdded: d.seatsAdded }) };
    }
    case 'PlanChanged': {
      const d = event.data as unknown as PlanChanged['data'];
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
      const d = event.data as unknown as SubscriptionRenewed['data'];
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
    case 'SubscriptionCancelled': {
      const d = event.data as unknown as SubscriptionCancelled['data'];
      return { ...s, status: 'cancelled', endsAt: canonical(d.effectiveAt) };
    }
    case 'SubscriptionExpired': {
      const d = event.data as unknown as SubscriptionExpired['data'];
      return { ...s, status: 'expired', endsAt: canonical(d.expiredAt) };
    }
    default:
      return null;
  }
}

function put(document: ReportingSubscription): WriteOperation {
  return { type: 'put', collection: REPORTING_SUBSCRIPTIONS, document };
}
