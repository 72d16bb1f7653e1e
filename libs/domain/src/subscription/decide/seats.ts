import { canonicalInstant } from '../../money/billing-period';
import { Decision, violation } from '../../shared/decider';
import { authorizeChange } from '../authorization';
import { AssignSeat, UnassignSeat } from '../commands';
import { SubscriptionEvent } from '../events';
import { existing, notFound, requireNotEnded } from '../lifecycle';
import { seatsAt } from '../periods';
import { SubscriptionState } from '../state';
import { isEmail, normalizeEmail } from '../validation';

/** Who uses the seats bought; never more people than seats. A cancelled subscription still runs to its end. */
export function decideAssignSeat(command: AssignSeat, state: SubscriptionState): Decision<SubscriptionEvent> {
  const s = existing(state);
  if (!s) return notFound();
  const refused = authorizeChange(command, s, { owner: true, others: [] }) ?? requireNotEnded(s, command.now);
  if (refused) return refused;
  if (!isEmail(command.email)) return violation('invalid-email', `"${command.email}" is not an email address.`);
  const email = normalizeEmail(command.email);
  if (s.assignedSeats.includes(email)) return violation('seat-already-assigned', `${email} already has a seat.`);
  const purchased = seatsAt(s, command.now);
  if (s.assignedSeats.length >= purchased) {
    return violation('no-free-seats', `All ${purchased} seats are assigned; add seats or unassign someone first.`, { purchased });
  }
  return [{ type: 'SeatAssigned', data: { subscriptionId: s.subscriptionId, email, assignedAt: canonicalInstant(command.now) } }];
}

export function decideUnassignSeat(command: UnassignSeat, state: SubscriptionState): Decision<SubscriptionEvent> {
  const s = existing(state);
  if (!s) return notFound();
  const refused = authorizeChange(command, s, { owner: true, others: [] }) ?? requireNotEnded(s, command.now);
  if (refused) return refused;
  const email = normalizeEmail(command.email ?? '');
  if (!s.assignedSeats.includes(email)) return violation('seat-not-assigned', `${email || 'That address'} has no seat.`);
  return [{ type: 'SeatUnassigned', data: { subscriptionId: s.subscriptionId, email, unassignedAt: canonicalInstant(command.now) } }];
}
