import { multiplyAmount, periodsPerYear, SubscriptionEvent } from '@channel-ledger/domain';
import type { JsonObject, WriteOperation } from '@channel-ledger/read-store';
import type { ProjectionView } from '../engine/projection';
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

/**
 * Subscription events → `reseller_subscriptions`. Direct purchases (rule 11) are between the
 * customer and the vendor and never enter a reseller's view. Invoices are not projected here.
 */
export async function applySubscriptionEvent(event: SubscriptionEvent, view: ProjectionView): Promise<WriteOperation[]> {
  if (event.type === 'SubscriptionPurchased') {
    const d = event.data;
    const terms: PricedTerms = { unitPrice: d.unitPrice, seats: d.seats, currency: d.currency, billingPeriod: d.billingPeriod };
    const subscription: ResellerSubscription = {
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
    return [{ type: 'put', collection: RESELLER_SUBSCRIPTIONS, document: subscription }];
  }
  if (event.type === 'DirectPurchaseRecorded' || event.type === 'InvoiceIssued') return [];

  const current = (await view.get(RESELLER_SUBSCRIPTIONS, event.data.subscriptionId)) as ResellerSubscription | null;
  if (!current) return [];
  const patch = (fields: Partial<ResellerSubscription>): WriteOperation[] => [
    { type: 'patch', collection: RESELLER_SUBSCRIPTIONS, id: current.id, fields: fields as JsonObject },
  ];
  const repriced = (changes: Partial<PricedTerms> & Partial<ResellerSubscription>): WriteOperation[] =>
    patch({ ...changes, ...totals({ ...current, ...changes }) });

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
      return patch({ assignedTo, seatsAssigned: assignedTo.length });
    }
    case 'SeatUnassigned': {
      const assignedTo = current.assignedTo.filter((email) => email !== event.data.email);
      return patch({ assignedTo, seatsAssigned: assignedTo.length });
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
      return patch({ status: 'cancelled', cancelledAt: event.data.cancelledAt, cancelAt: event.data.effectiveAt, nextChargeDate: null });
    case 'SubscriptionExpired':
      return patch({ status: 'expired', expiredAt: event.data.expiredAt, nextChargeDate: null });
    case 'InvoiceOwnerChanged': {
      // Applied when recorded, even if effective at another date: the view shows who manages it now.
      const { to, toChannel } = event.data;
      return patch({ resellerId: to.kind === 'reseller' ? to.id : null, channel: toChannel });
    }
  }
}
