import { canonicalInstant } from '../../money/billing-period';
import { Decision, violation } from '../../shared/decider';
import { requireVerifiedReseller } from '../../shared/reseller-guard';
import { PurchaseSubscription } from '../commands';
import { SubscriptionEvent } from '../events';
import { requireAcceptedPayment } from '../payment';
import { SubscriptionState } from '../state';
import { InvoiceOwner } from '../terms';
import { isEmail, normalizeEmail } from '../validation';
import { openSubscription, refuseOpeningOffer } from './opening';

/** A reseller buys seats for a customer organization it manages (rules 1, 2, 6, 7, 13). */
export function decidePurchase(command: PurchaseSubscription, state: SubscriptionState): Decision<SubscriptionEvent> {
  const { actor, context } = command;
  if (state.status !== 'none') {
    return violation('subscription-already-exists', `Subscription ${command.subscriptionId} already exists.`);
  }
  if (actor.kind !== 'reseller') {
    return violation(
      'actor-not-allowed',
      'Only a reseller buys through the channel; a customer buying from the vendor is recorded as a direct purchase.',
      { actorKind: actor.kind },
    );
  }
  const unverified = requireVerifiedReseller(context.reseller);
  if (unverified) return unverified;
  const reseller = context.reseller!;
  if (reseller.resellerId !== actor.id) {
    return violation('reseller-context-mismatch', 'The reseller facts given do not belong to the acting reseller.');
  }

  const { organization, plan } = context;
  if (organization.managedByResellerId !== reseller.resellerId) {
    return violation(
      'organization-not-managed-by-reseller',
      `${organization.name} is not one of your customers; you can only buy for organizations you manage.`,
      { organizationId: organization.organizationId },
    );
  }
  const badOffer = refuseOpeningOffer(organization, plan, command.seats);
  if (badOffer) return badOffer;

  // Rule 2: a purchase for someone else names the customer, and never with the reseller's own address.
  if (!isEmail(command.customerContactEmail)) {
    return violation('customer-contact-required', "A purchase for a customer needs the customer's contact email.");
  }
  const customerContactEmail = normalizeEmail(command.customerContactEmail);
  if (customerContactEmail === normalizeEmail(reseller.email)) {
    return violation(
      'customer-contact-is-reseller',
      `${customerContactEmail} is your own address; give the email of the person at ${organization.name} who will own the organization.`,
    );
  }

  const badPayment = requireAcceptedPayment(context.paymentMethod, plan.tier);
  if (badPayment) return badPayment;

  // Rule 7: the reseller owns the invoices; marketplaces are a channel sale too.
  const channel: 'reseller' | 'marketplace' = reseller.partnerKind === 'marketplace' ? 'marketplace' : 'reseller';
  const invoiceOwner: InvoiceOwner = {
    kind: 'reseller',
    id: reseller.resellerId,
    name: reseller.companyName,
    email: normalizeEmail(reseller.email),
  };
  const { terms, invoice } = openSubscription({
    subscriptionId: command.subscriptionId,
    invoiceId: command.invoiceId,
    seats: command.seats,
    organization,
    plan,
    paymentMethod: context.paymentMethod,
    invoiceOwner,
    channel,
    reason: 'purchase',
    now: canonicalInstant(command.now),
  });
  return [
    {
      type: 'SubscriptionPurchased',
      data: { ...terms, channel, resellerId: reseller.resellerId, resellerName: reseller.companyName, customerContactEmail },
    },
    invoice,
  ];
}
