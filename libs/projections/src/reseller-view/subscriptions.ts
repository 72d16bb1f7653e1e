import { multiplyAmount, periodsPerYear } from '@channel-ledger/domain';
import type { DirectPurchaseRecorded, InvoiceIssued, SubscriptionEvent } from '@channel-ledger/domain';
import type { DocumentEvolution, Recorded } from '../engine/document-projection';
import { RESELLER_SUBSCRIPTIONS } from './collections';
import type { ResellerSubscription } from './documents';

/** What an annual figure depends on; recomputed whenever one of them changes. */
type PricedTerms = Pick<ResellerSubscription, 'unitPrice' | 'seats' | 'currency' | 'billingPeriod'>;

/**
 * One period's price and the year's, with the domain's money functions (decimal.js, half-even to
 * the currency's minor unit), exactly as the renewal/upgrade quotes compute them.
 */
export function totals(terms: PricedTerms): Pick<ResellerSubscription, 'periodTotal' | 'annualTotal'> {
  const periodTotal = multiplyAmount(terms.unitPrice, terms.seats, terms.currency);
  return { periodTotal, annualTotal: multiplyAmount(periodTotal, periodsPerYear(terms.billingPeriod), terms.currency) };
}

/** Direct purchases (rule 11) are between the customer and the vendor; invoices are not projected here. */
type ResellerSubscriptionEvent = Exclude<SubscriptionEvent, DirectPurchaseRecorded | InvoiceIssued>;

/** Subscription events → `reseller_subscriptions`: what a reseller sold, one per subscription. */
export const resellerSubscriptions: DocumentEvolution<ResellerSubscription, ResellerSubscriptionEvent> = {
  collection: RESELLER_SUBSCRIPTIONS,
  handles: [
    'SubscriptionPurchased',
    'SeatsPurchased',
    'PlanChanged',
    'SeatAssigned',
    'SeatUnassigned',
    'SubscriptionRenewed',
    'SubscriptionCancelled',
    'SubscriptionExpired',
    'InvoiceOwnerChanged',
  ],
  keyOf: (event) => event.data.subscriptionId,
  evolve: evolveSubscription,
};

function evolveSubscription(current: ResellerSubscription | null, event: Recorded<ResellerSubscriptionEvent>): ResellerSubscription | null {
  if (event.type === 'SubscriptionPurchased') {
    const d = event.data;
    const terms: PricedTerms = { unitPrice: d.unitPrice, seats: d.seats, currency: d.currency, billingPeriod: d.billingPeriod };
    return {
      id: d.subscriptionId,
      subscriptionId: d.subscriptionId,
      resellerId: d.resellerId,
      channel: d.channel,
      organizationId: d.organizationId,
      vendorId: d.vendorId,
      planId: d.plan.planId,
      product: d.plan.product,
      tier: d.plan.tier,
      ...terms,
      ...totals(terms),
      seatsAssigned: 0,
      assignedTo: [],
      periodStart: d.periodStart,
      periodEnd: d.periodEnd,
      nextChargeDate: d.periodEnd,
      status: 'active',
      cancelledAt: null,
      cancelAt: null,
      expiredAt: null,
      customerContactEmail: d.customerContactEmail,
      purchasedAt: d.purchasedAt,
    };
  }
  if (!current) return null;
  const change = (fields: Partial<ResellerSubscription>): ResellerSubscription => ({ ...current, ...fields });
  const repriced = (changes: Partial<PricedTerms> & Partial<ResellerSubscription>): ResellerSubscription =>
    change({ ...changes, ...totals({ ...current, ...changes }) });

  switch (event.type) {
    case 'SeatsPurchased':
      // Rule 4: immediate, in every paid period still open, including one renewed ahead.
      return repriced({ seats: current.seats + event.data.seatsAdded });
    case 'PlanChanged': {
      const { planId, product, tier, unitPrice } = event.data.to;
      return repriced({ planId, product, tier, unitPrice });
    }
    case 'SeatAssigned': {
      const assignedTo = [...current.assignedTo.filter((email) => email !== event.data.email), event.data.email];
      return change({ assignedTo, seatsAssigned: assignedTo.length });
    }
    case 'SeatUnassigned': {
      const assignedTo = current.assignedTo.filter((email) => email !== event.data.email);
      return change({ assignedTo, seatsAssigned: assignedTo.length });
    }
    case 'SubscriptionRenewed': {
      const d = event.data;
      // The renewal's own terms (seats, plan, price) replace the old ones from its period on.
      return repriced({
        planId: d.plan.planId,
        product: d.plan.product,
        tier: d.plan.tier,
        unitPrice: d.unitPrice,
        seats: d.seats,
        currency: d.currency,
        periodStart: d.periodStart,
        periodEnd: d.periodEnd,
        nextChargeDate: d.periodEnd,
      });
    }
    case 'SubscriptionCancelled':
      return change({ status: 'cancelled', cancelledAt: event.data.cancelledAt, cancelAt: event.data.effectiveAt, nextChargeDate: null });
    case 'SubscriptionExpired':
      return change({ status: 'expired', expiredAt: event.data.expiredAt, nextChargeDate: null });
    case 'InvoiceOwnerChanged': {
      // Applied when recorded, even if effective at another date: the view shows who manages it now.
      const { to, toChannel } = event.data;
      return change({ resellerId: to.kind === 'reseller' ? to.id : null, channel: toChannel });
    }
  }
}
