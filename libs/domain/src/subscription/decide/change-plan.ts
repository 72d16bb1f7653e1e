import { canonicalInstant } from '../../money/billing-period';
import { Decision, isViolation } from '../../shared/decider';
import { authorizeChange } from '../authorization';
import { ChangePlan } from '../commands';
import { SubscriptionEvent } from '../events';
import { issueInvoice } from '../invoice';
import { existing, notFound } from '../lifecycle';
import { requireAcceptedPayment } from '../payment';
import { ownershipAt, periodAt } from '../periods';
import { termsOf } from '../pricing';
import { SubscriptionState } from '../state';
import { pricePlanChange } from '../upgrade';

/** An upgrade takes effect at once; the invoice credits the old plan and charges the new one for the days left. */
export function decideChangePlan(command: ChangePlan, state: SubscriptionState): Decision<SubscriptionEvent> {
  const s = existing(state);
  if (!s) return notFound();
  const denied = authorizeChange(command, s, { owner: true, others: [] });
  if (denied) return denied;
  const { plan } = command.context;
  const priced = pricePlanChange(s, plan, command.now);
  if (isViolation(priced)) return priced;
  const paymentMethod = command.context.paymentMethod ?? s.paymentMethod;
  const badPayment = requireAcceptedPayment(paymentMethod, plan.tier);
  if (badPayment) return badPayment;

  const now = canonicalInstant(command.now);
  const current = periodAt(s, now)!;
  return [
    {
      type: 'PlanChanged',
      data: {
        subscriptionId: s.subscriptionId,
        from: { ...current.plan, unitPrice: current.unitPrice },
        to: { ...termsOf(plan), unitPrice: plan.unitPrice },
        seats: current.seats,
        effectiveAt: now,
        invoiceId: command.invoiceId,
      },
    },
    issueInvoice({
      invoiceId: command.invoiceId,
      subscriptionId: s.subscriptionId,
      previousInvoices: s.invoices.length,
      reason: 'plan-change',
      now,
      ownership: ownershipAt(s, now),
      currency: s.currency,
      lines: priced.lines,
      paymentMethod,
    }),
  ];
}
