import type { SubscriptionEvent } from '@channel-ledger/domain';
import type { JsonObject, WriteOperation } from '@channel-ledger/read-store';
import type { ProjectionView } from '../engine/projection';
import { organizationBoughtThrough } from './bought-through';
import { CUSTOMER_LINKS, CUSTOMER_ORGANIZATIONS, subscriptionLinkId } from './collections';
import type { CustomerLink, CustomerOrganization, CustomerSubscription } from './documents';

/**
 * Subscription events → the organization's `subscriptions`. Only what the customer may see is
 * copied: never unitPrice, totals, invoices (InvoiceIssued is ignored), the invoice owner's
 * address or the payment method. Every field is picked by name, never spread from an event.
 */
export async function applySubscriptionEvent(event: SubscriptionEvent, view: ProjectionView): Promise<WriteOperation[]> {
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
    const link: CustomerLink = { id: subscriptionLinkId(d.subscriptionId), organizationId: d.organizationId };
    const updated = await updateOrganization(view, d.organizationId, (subscriptions) => [
      ...subscriptions.filter((s) => s.subscriptionId !== d.subscriptionId),
      subscription,
    ]);
    return updated.length ? [{ type: 'put', collection: CUSTOMER_LINKS, document: link }, ...updated] : [];
  }
  if (event.type === 'InvoiceIssued') return [];

  const link = (await view.get(CUSTOMER_LINKS, subscriptionLinkId(event.data.subscriptionId))) as CustomerLink | null;
  if (!link) return [];
  const change = (fields: (s: CustomerSubscription) => Partial<CustomerSubscription>) =>
    updateOrganization(view, link.organizationId, (subscriptions) =>
      subscriptions.map((s) => (s.subscriptionId === event.data.subscriptionId ? { ...s, ...fields(s) } : s)),
    );

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

/** Rewrites the organization's subscriptions and what the organization as a whole was bought through. */
async function updateOrganization(
  view: ProjectionView,
  organizationId: string,
  next: (subscriptions: CustomerSubscription[]) => CustomerSubscription[],
): Promise<WriteOperation[]> {
  const organization = (await view.get(CUSTOMER_ORGANIZATIONS, organizationId)) as CustomerOrganization | null;
  if (!organization) return [];
  const subscriptions = next(organization.subscriptions);
  const fields: Partial<CustomerOrganization> = { subscriptions, boughtThrough: organizationBoughtThrough(organization, subscriptions) };
  return [{ type: 'patch', collection: CUSTOMER_ORGANIZATIONS, id: organizationId, fields: fields as JsonObject }];
}
