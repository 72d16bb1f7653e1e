import { PlanPrice } from '../catalog/plan';
import { isBefore } from '../money/billing-period';
import { RuleViolation, violation } from '../shared/decider';
import { Instant } from '../shared/types';
import { requireNotCancelled, requireNotEnded } from './lifecycle';
import { latestPeriod } from './periods';
import { renewalTerms, RenewalTerms } from './pricing';
import { ExistingSubscription } from './state';
import { requireCompatiblePlan, requireSeatCount } from './validation';

export interface PricedRenewal extends RenewalTerms {
  readonly seats: number;
}

/**
 * Shared by RenewSubscription and the renewal quote. A period can be renewed once it has
 * started and before it ends (renewing ahead is how resellers match a customer's PO); the new
 * period begins where the paid one ends. Fewer seats or another plan take effect only here.
 */
export function priceRenewal(
  s: ExistingSubscription,
  plan: PlanPrice,
  seats: number | undefined,
  now: Instant,
): PricedRenewal | RuleViolation {
  const refused = requireNotEnded(s, now) ?? requireNotCancelled(s) ?? requireCompatiblePlan(s, plan);
  if (refused) return refused;
  const latest = latestPeriod(s);
  if (isBefore(now, latest.periodStart)) {
    return violation('already-renewed', `This subscription is already renewed through ${latest.periodEnd.slice(0, 10)}.`);
  }
  const renewedSeats = seats ?? latest.seats;
  const badSeats = requireSeatCount(renewedSeats);
  if (badSeats) return badSeats;
  if (renewedSeats < s.assignedSeats.length) {
    return violation(
      'unassign-seats-first',
      `${s.assignedSeats.length} seats are assigned; unassign some before renewing with ${renewedSeats}.`,
      { assigned: s.assignedSeats.length, seats: renewedSeats },
    );
  }
  return { ...renewalTerms(s, plan, renewedSeats), seats: renewedSeats };
}
