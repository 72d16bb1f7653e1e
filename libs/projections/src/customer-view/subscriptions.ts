import type { DirectPurchaseRecorded, InvoiceIssued, SubscriptionEvent, SubscriptionPurchased } from '@channel-ledger/domain';
import type { DocumentEvolution, EventWrites, Recorded } from '../engine/document-projection';
import { organizationBoughtThrough } from './bought-through';
import { CUSTOMER_LINKS, CUSTOMER_ORGANIZATIONS, subscriptionLinkId } from './collections';
import type { CustomerLink, CustomerOrganization, CustomerSubscription } from './documents';

/** Invoices are the reseller's business with the vendor: the customer never sees one. */
type CustomerSubscriptionEvent = Exclude<SubscriptionEvent, InvoiceIssued>;

/**
 * Subscription events → the organization's `subscriptions`. Only what the customer may see is
 * copied: never unitPrice, totals, invoices, the invoice owner's address or the payment method.
 * Every field is picked by name, never spread from an event.
 */
export const organizationSubscriptions: DocumentEvolution<CustomerOrganization, CustomerSubscriptionEvent> = {
  collection: CUSTOMER_ORGANIZATIONS,
  handles: [
    'SubscriptionPurchased',
    'DirectPurchaseRecorded',
    'SeatsPurchased',
    'PlanChanged',
    'SeatAssigned',
    'SeatUnassigned',
    'SubscriptionRenewed',
    'SubscriptionCancelled',
    'SubscriptionExpired',
    'InvoiceOwnerChanged',
  ],
  async keyOf(event, view) {
    if (event.type === 'SubscriptionPurchased' || event.type === 'DirectPurchaseRecorded') return event.data.organizationId;
    // Later events name only the subscription: its link says whose it is.
    const link = (await view.get(CUSTOMER_LINKS, subscriptionLinkId(event.data.subscriptionId))) as CustomerLink | null;
    return link?.organizationId ?? null;
  },
  evolve(organization, event) {
    if (!organization) return null;
    const subscriptions = nextSubscriptions(organization.subscriptions, event);
    // What the organization as a whole was bought through follows its subscriptions.
    return { ...organization, subscriptions, boughtThrough: organizationBoughtThrough(organization, subscriptions) };
  },
};

/** `customer_links`: a subscription's later events find their organization (one this view knows). */
export const subscriptionLinks: EventWrites<SubscriptionPurchased | DirectPurchaseRecorded> = {
  handles: ['SubscriptionPurchased', 'DirectPurchaseRecorded'],
  async writes(event, view) {
    const { subscriptionId, organizationId } = event.data;
    if (!(await view.get(CUSTOMER_ORGANIZATIONS, organizationId))) return [];
    const link: CustomerLink = { id: subscriptionLinkId(subscriptionId), organizationId };
    return [{ type: 'put', collection: CUSTOMER_LINKS, document: link }];
  },
};

function nextSubscriptions(subscriptions: CustomerSubscription[], event: Recorded<CustomerSubscriptionEvent>): CustomerSubscription[] {
  if (event.type === 'SubscriptionPurchased' || event.type === 'DirectPurchaseRecorded') {
    const d = event.data;
    const subscription: CustomerSubscription = {
      subscriptionId: d.subscriptionId,
      channel: d.channel,
      boughtThrough:
        event.type === 'SubscriptionPurchased' ? { resellerId: event.data.resellerId, companyName: event.data.resellerName } : null,
      planId: d.plan.planId,
      product: d.plan.product,
      tier: d.plan.tier,
      billingPeriod: d.billingPeriod,
      seats: d.seats,
      seatsAssigned: 0,
      assignedTo: [],
      periodStart: d.periodStart,
      periodEnd: d.periodEnd,
      status: 'active',
      cancelAt: null,
    };
    return [...subscriptions.filter((s) => s.subscriptionId !== d.subscriptionId), subscription];
  }
  const change = (fields: (s: CustomerSubscription) => Partial<CustomerSubscription>) =>
    subscriptions.map((s) => (s.subscriptionId === event.data.subscriptionId ? { ...s, ...fields(s) } : s));

  switch (event.type) {
    case 'SeatsPurchased':
      return change((s) => ({ seats: s.seats + event.data.seatsAdded }));
    case 'PlanChanged': {
      const { planId, product, tier } = event.data.to;
      return change(() => ({ planId, product, tier }));
    }
    case 'SeatAssigned':
      return change((s) => seatsAssigned([...s.assignedTo.filter((e) => e !== event.data.email), event.data.email]));
    case 'SeatUnassigned':
      return change((s) => seatsAssigned(s.assignedTo.filter((e) => e !== event.data.email)));
    case 'SubscriptionRenewed': {
      const { plan, seats, periodStart, periodEnd } = event.data;
      return change(() => ({ planId: plan.planId, product: plan.product, tier: plan.tier, seats, periodStart, periodEnd }));
    }
    case 'SubscriptionCancelled':
      return change(() => ({ status: 'cancelled', cancelAt: event.data.effectiveAt }));
    case 'SubscriptionExpired':
      return change(() => ({ status: 'expired' }));
    case 'InvoiceOwnerChanged': {
      const { to, toChannel } = event.data;
      // Only the reseller's id and company name: the invoice owner's address stays out.
      return change(() => ({
        channel: toChannel,
        boughtThrough: to.kind === 'reseller' ? { resellerId: to.id, companyName: to.name } : null,
      }));
    }
  }
}

function seatsAssigned(assignedTo: string[]): Partial<CustomerSubscription> {
  return { assignedTo, seatsAssigned: assignedTo.length };
}
