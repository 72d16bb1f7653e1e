import { Decision, isViolation } from '../../shared/decider';
import { canonicalInstant } from '../../money/billing-period';
import { AddSeats } from '../commands';
import { SubscriptionEvent } from '../events';
import { authorizeChange } from '../authorization';
import { issueInvoice } from '../invoice';
import { existing, notFound } from '../lifecycle';
import { requireAcceptedPayment } from '../payment';
import { ownershipAt, periodAt, seatsAt } from '../periods';
import { SubscriptionState } from '../state';
import { priceSeatAddition } from '../upgrade';

/** Rule 4: seats added mid-term are usable at once and cost the prorated unit price. */
export function decideAddSeats(command: AddSeats, state: SubscriptionState): Decision<SubscriptionEvent> {
  const s = existing(state);
  if (!s) return notFound();
  const denied = authorizeChange(command, s, { owner: true, others: [] });
  if (denied) return denied;
  const priced = priceSeatAddition(s, command.seats, command.now);
  if (isViolation(priced)) return priced;
  const paymentMethod = command.context.paymentMethod ?? s.paymentMethod;
  const badPayment = requireAcceptedPayment(paymentMethod, periodAt(s, command.now)!.plan.tier);
  if (badPayment) return badPayment;

  const now = canonicalInstant(command.now);
  return [
    {
      type: 'SeatsPurchased',
      data: {
        subscriptionId: s.subscriptionId,
        seatsAdded: command.seats,
        seatsBefore: seatsAt(s, now),
        seatsAfter: seatsAt(priced.after, now),
        effectiveAt: now,
        invoiceId: command.invoiceId,
      },
    },
    issueInvoice({
      invoiceId: command.invoiceId,
      subscriptionId: s.subscriptionId,
      previousInvoices: s.invoices.length,
      reason: 'added-seats',
      now,
      ownership: ownershipAt(s, now),
      currency: s.currency,
      lines: priced.lines,
      paymentMethod,
    }),
  ];
}
