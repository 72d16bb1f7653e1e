import { canonicalInstant } from '../../money/billing-period';
import { Decision, violation } from '../../shared/decider';
import { RecordDirectPurchase } from '../commands';
import { SubscriptionEvent } from '../events';
import { requireAcceptedPayment } from '../payment';
import { SubscriptionState } from '../state';
import { InvoiceOwner } from '../terms';
import { isEmail, normalizeEmail } from '../validation';
import { openSubscription, refuseOpeningOffer } from './opening';

const MAY_RECORD = ['customer', 'support', 'vendor-admin', 'system'];

/**
 * Rule 11: renewing directly with the vendor after a reseller purchase is a new purchase on a
 * new stream. Only the link to the old subscription is kept, for the audit; seats, term and
 * anchor start fresh, and the old subscription simply runs out (it is not renewed by this).
 */
export function decideDirectPurchase(command: RecordDirectPurchase, state: SubscriptionState): Decision<SubscriptionEvent> {
  const { context } = command;
  if (!MAY_RECORD.includes(command.actor.kind)) {
    return violation('actor-not-allowed', 'A direct purchase is made with the vendor, not through a reseller.', {
      actorKind: command.actor.kind,
    });
  }
  if (state.status !== 'none' || command.subscriptionId === command.previousResellerSubscriptionId) {
    return violation(
      'direct-purchase-needs-new-subscription',
      'A direct purchase after a reseller purchase starts a new subscription; it cannot continue an existing one.',
    );
  }
  const previous = context.previousSubscription;
  if (previous.subscriptionId !== command.previousResellerSubscriptionId) {
    return violation('previous-subscription-mismatch', 'The facts given are not those of the previous subscription named.');
  }
  if (previous.organizationId !== context.organization.organizationId) {
    return violation(
      'previous-subscription-of-another-organization',
      `Subscription ${previous.subscriptionId} belongs to another organization.`,
    );
  }
  if (previous.channel === 'direct') {
    return violation(
      'previous-subscription-not-through-reseller',
      `Subscription ${previous.subscriptionId} was bought directly; renew it instead of recording a new purchase.`,
    );
  }
  const { organization, plan } = context;
  const badOffer = refuseOpeningOffer(organization, plan, command.seats);
  if (badOffer) return badOffer;
  if (!isEmail(command.billingContactEmail)) {
    return violation('billing-contact-required', 'A direct purchase needs the billing contact email of the organization.');
  }
  const badPayment = requireAcceptedPayment(context.paymentMethod, plan.tier);
  if (badPayment) return badPayment;

  const billingContactEmail = normalizeEmail(command.billingContactEmail);
  const invoiceOwner: InvoiceOwner = {
    kind: 'organization',
    id: organization.organizationId,
    name: organization.name,
    email: billingContactEmail,
  };
  const { terms, invoice } = openSubscription({
    subscriptionId: command.subscriptionId,
    invoiceId: command.invoiceId,
    seats: command.seats,
    organization,
    plan,
    paymentMethod: context.paymentMethod,
    invoiceOwner,
    channel: 'direct',
    reason: 'direct-purchase',
    now: canonicalInstant(command.now),
  });
  return [
    {
      type: 'DirectPurchaseRecorded',
      data: { ...terms, channel: 'direct', previousResellerSubscriptionId: command.previousResellerSubscriptionId, billingContactEmail },
    },
    invoice,
  ];
}
