import { canonicalInstant } from '../../money/billing-period';
import { Decision, isViolation } from '../../shared/decider';
import { authorizeChange } from '../authorization';
import { RenewSubscription } from '../commands';
import { SubscriptionEvent } from '../events';
import { issueInvoice } from '../invoice';
import { existing, notFound } from '../lifecycle';
import { requireAcceptedPayment } from '../payment';
import { ownershipAt } from '../periods';
import { termsOf } from '../pricing';
import { priceRenewal } from '../renewal';
import { SubscriptionState } from '../state';

/** The owner renews, or the billing system does on the next charge date ('system'). */
export function decideRenew(command: RenewSubscription, state: SubscriptionState): Decision<SubscriptionEvent> {
  const s = existing(state);
  if (!s) return notFound();
  const denied = authorizeChange(command, s, { owner: true, others: ['system'] });
  if (denied) return denied;
  const { plan } = command.context;
  const renewal = priceRenewal(s, plan, command.seats, command.now);
  if (isViolation(renewal)) return renewal;
  const paymentMethod = command.context.paymentMethod ?? s.paymentMethod;
  const badPayment = requireAcceptedPayment(paymentMethod, plan.tier);
  if (badPayment) return badPayment;

  const now = canonicalInstant(command.now);
  return [
    {
      type: 'SubscriptionRenewed',
      data: {
        subscriptionId: s.subscriptionId,
        periodIndex: renewal.periodIndex,
        ...renewal.bounds,
        plan: termsOf(plan),
        unitPrice: plan.unitPrice,
        seats: renewal.seats,
        currency: s.currency,
        renewedAt: now,
        invoiceId: command.invoiceId,
      },
    },
    issueInvoice({
      invoiceId: command.invoiceId,
      subscriptionId: s.subscriptionId,
      previousInvoices: s.invoices.length,
      reason: 'renewal',
      now,
      // The owner on the first day of the new period gets the bill for it.
      ownership: ownershipAt(s, renewal.bounds.periodStart),
      currency: s.currency,
      lines: [renewal.line],
      paymentMethod,
    }),
  ];
}
