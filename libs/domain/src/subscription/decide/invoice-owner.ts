import { canonicalInstant, isBefore, isInstant } from '../../money/billing-period';
import { Decision, violation } from '../../shared/decider';
import { requireVerifiedReseller } from '../../shared/reseller-guard';
import { authorizeChange } from '../authorization';
import { ChangeInvoiceOwner } from '../commands';
import { SubscriptionEvent } from '../events';
import { existing, notFound } from '../lifecycle';
import { latestPeriod, ownershipAt } from '../periods';
import { SubscriptionState } from '../state';
import { InvoiceOwner, SalesChannel } from '../terms';
import { isEmail, normalizeEmail } from '../validation';

/** A support decision, dated: earlier invoices keep the owner they were issued to. */
export function decideChangeInvoiceOwner(command: ChangeInvoiceOwner, state: SubscriptionState): Decision<SubscriptionEvent> {
  const s = existing(state);
  if (!s) return notFound();
  const denied = authorizeChange(command, s, { owner: false, others: ['support'] });
  if (denied) return denied;
  if (!command.reason?.trim()) return violation('reason-required', 'Say why the invoice owner changes; it is part of the audit trail.');
  if (!isInstant(command.effectiveAt)) return violation('invalid-date', 'The effective date must be an ISO date-time.');
  const effectiveAt = canonicalInstant(command.effectiveAt);
  if (isBefore(effectiveAt, s.ownership[0].from)) {
    return violation('effective-before-purchase', 'The invoice owner cannot change before the subscription was bought.');
  }
  // A change dated past the paid time would govern invoices nobody has agreed to yet; the renewal
  // day itself is allowed, so the renewal invoice can already go to the new owner.
  const paidThrough = latestPeriod(s).periodEnd;
  if (isBefore(paidThrough, effectiveAt)) {
    return violation(
      'effective-after-paid-time',
      `The subscription is paid through ${paidThrough.slice(0, 10)}; date the change no later than that, or after it is renewed.`,
      { paidThrough },
    );
  }

  let to: InvoiceOwner;
  let toChannel: SalesChannel;
  if (command.newOwner.kind === 'reseller') {
    const reseller = command.newOwner.reseller;
    const unverified = requireVerifiedReseller(reseller);
    if (unverified) return unverified;
    to = { kind: 'reseller', id: reseller.resellerId, name: reseller.companyName, email: normalizeEmail(reseller.email) };
    toChannel = reseller.partnerKind === 'marketplace' ? 'marketplace' : 'reseller';
  } else {
    if (!isEmail(command.newOwner.billingContactEmail)) {
      return violation('billing-contact-required', 'Invoicing the organization directly needs its billing contact email.');
    }
    to = {
      kind: 'organization',
      id: s.organizationId,
      name: s.organizationName,
      email: normalizeEmail(command.newOwner.billingContactEmail),
    };
    toChannel = 'direct';
  }

  const from = ownershipAt(s, effectiveAt);
  if (from.owner.kind === to.kind && from.owner.id === to.id && from.owner.email === to.email) {
    return violation('invoice-owner-unchanged', `${to.name} already owns the invoices at that date.`);
  }
  return [
    {
      type: 'InvoiceOwnerChanged',
      data: {
        subscriptionId: s.subscriptionId,
        from: from.owner,
        fromChannel: from.channel,
        to,
        toChannel,
        effectiveAt,
        reason: command.reason.trim(),
        recordedAt: canonicalInstant(command.now),
      },
    },
  ];
}
