import { SubscriptionStreamEvent } from './auto-renewal/events';
import { reminderKey } from './auto-renewal/keys';
import { SubscriptionRecord, SubscriptionState } from './state';
import { withPlan, withSeatsAdded } from './periods';
import { OpeningTerms } from './events';
import { InvoiceOwnership } from './terms';

function opened(
  d: OpeningTerms,
  extra: Pick<SubscriptionRecord, 'resellerId' | 'customerContactEmail' | 'previousResellerSubscriptionId'>,
): SubscriptionState {
  return {
    status: 'active',
    subscriptionId: d.subscriptionId,
    vendorId: d.vendorId,
    organizationId: d.organizationId,
    organizationName: d.organizationName,
    origin: d.channel,
    ...extra,
    currency: d.currency,
    billingPeriod: d.billingPeriod,
    billingAnchor: d.billingAnchor,
    periods: [{ index: 0, periodStart: d.periodStart, periodEnd: d.periodEnd, plan: d.plan, unitPrice: d.unitPrice, seats: d.seats }],
    paymentMethod: d.paymentMethod,
    ownership: [{ owner: d.invoiceOwner, channel: d.channel, from: d.purchasedAt }],
    assignedSeats: [],
    invoices: [],
  };
}

/** Folds every event of a subscription stream, the renewal side's included. */
export function evolveSubscription(state: SubscriptionState, event: SubscriptionStreamEvent): SubscriptionState {
  if (event.type === 'SubscriptionPurchased') {
    const d = event.data;
    return opened(d, { resellerId: d.resellerId, customerContactEmail: d.customerContactEmail, previousResellerSubscriptionId: null });
  }
  if (event.type === 'DirectPurchaseRecorded') {
    const d = event.data;
    return opened(d, { resellerId: null, customerContactEmail: null, previousResellerSubscriptionId: d.previousResellerSubscriptionId });
  }
  if (state.status === 'none') return state;

  switch (event.type) {
    case 'SeatsPurchased':
      return withSeatsAdded(state, event.data.seatsAdded, event.data.effectiveAt);
    case 'PlanChanged': {
      const { unitPrice, ...plan } = event.data.to;
      return withPlan(state, plan, unitPrice, event.data.effectiveAt);
    }
    case 'SeatAssigned':
      return { ...state, assignedSeats: [...state.assignedSeats, event.data.email] };
    case 'SeatUnassigned':
      return { ...state, assignedSeats: state.assignedSeats.filter((email) => email !== event.data.email) };
    case 'SubscriptionRenewed': {
      const d = event.data;
      const period = {
        index: d.periodIndex,
        periodStart: d.periodStart,
        periodEnd: d.periodEnd,
        plan: d.plan,
        unitPrice: d.unitPrice,
        seats: d.seats,
      };
      // A renewal ends any dunning (the field stays absent on subscriptions that never had any).
      return state.dunning
        ? { ...state, periods: [...state.periods, period], dunning: null }
        : { ...state, periods: [...state.periods, period] };
    }
    case 'SubscriptionCancelled':
      return { ...state, status: 'cancelled', cancelledAt: event.data.cancelledAt, cancellationEffectiveAt: event.data.effectiveAt };
    case 'SubscriptionExpired':
      return { ...state, status: 'expired', expiredAt: event.data.expiredAt, expiryReason: event.data.reason };
    case 'InvoiceIssued': {
      const d = event.data;
      const record = {
        invoiceId: d.invoiceId,
        invoiceNumber: d.invoiceNumber,
        reason: d.reason,
        issuedAt: d.issuedAt,
        issuedTo: d.issuedTo,
        channel: d.channel,
        currency: d.currency,
        total: d.total,
      };
      return { ...state, invoices: [...state.invoices, record] };
    }
    case 'InvoiceOwnerChanged': {
      const entry: InvoiceOwnership = { owner: event.data.to, channel: event.data.toChannel, from: event.data.effectiveAt };
      // Kept in effect order so "owner at date D" is a simple scan.
      const ownership = [...state.ownership, entry].sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
      return { ...state, ownership };
    }
    case 'AutoRenewalChanged':
      return { ...state, autoRenewal: event.data.enabled };
    case 'RenewalReminded':
      return { ...state, renewalReminders: [...(state.renewalReminders ?? []), reminderKey(event.data.termEnd, event.data.daysBefore)] };
    case 'RenewalChargeFailed': {
      const d = event.data;
      return { ...state, dunning: { termEnd: d.termEnd, failedAttempts: d.attempt, nextAttemptAt: d.nextAttemptAt } };
    }
    default:
      // An event type this version does not know changes nothing it decides on.
      return state;
  }
}
