import { PlanPrice } from '../catalog/plan';
import { isNegativeAmount } from '../money/amount';
import { InvoiceLine, invoiceTotal } from '../money/invoice-line';
import { RuleViolation, violation } from '../shared/decider';
import { Instant } from '../shared/types';
import { requireNotCancelled, requireNotEnded } from './lifecycle';
import { periodAt, withPlan, withSeatsAdded } from './periods';
import { addedSeatsLines, planChangeLines, termsOf } from './pricing';
import { ExistingSubscription } from './state';
import { requireCompatiblePlan, requireSeatCount } from './validation';

/** The priced consequence of an upgrade step: the invoice lines and the subscription afterwards. */
export interface PricedChange<S extends ExistingSubscription = ExistingSubscription> {
  readonly lines: InvoiceLine[];
  readonly after: S;
}

function requireUpgradable(s: ExistingSubscription, now: Instant): RuleViolation | null {
  return requireNotEnded(s, now) ?? requireNotCancelled(s);
}

/** Rule 4, shared by AddSeats and the upgrade quote. */
export function priceSeatAddition<S extends ExistingSubscription>(s: S, seatsAdded: number, now: Instant): PricedChange<S> | RuleViolation {
  const refused = requireUpgradable(s, now) ?? requireSeatCount(seatsAdded, 'seats to add');
  if (refused) return refused;
  return { lines: addedSeatsLines(s, seatsAdded, now), after: withSeatsAdded(s, seatsAdded, now) };
}

/**
 * Shared by ChangePlan and the upgrade quote. A change that would give money back (a downgrade)
 * is refused rather than invoiced negatively or credited: a downgrade happens at renewal, by
 * renewing on the cheaper plan. Equal-price moves are allowed and invoice zero.
 */
export function pricePlanChange<S extends ExistingSubscription>(s: S, plan: PlanPrice, now: Instant): PricedChange<S> | RuleViolation {
  const refused = requireUpgradable(s, now) ?? requireCompatiblePlan(s, plan);
  if (refused) return refused;
  const current = periodAt(s, now)!;
  if (current.plan.planId === plan.planId) {
    return violation('same-plan', `The subscription is already on ${plan.product} ${plan.tier}.`);
  }
  const lines = planChangeLines(s, plan, now);
  const total = invoiceTotal(lines, s.currency);
  if (isNegativeAmount(total)) {
    return violation(
      'downgrade-at-renewal-only',
      `Moving from ${current.plan.product} ${current.plan.tier} to ${plan.tier} would give back ${total.slice(1)} ${s.currency}; ` +
        'downgrades take effect at renewal: renew on the new plan instead.',
      { credit: total.slice(1), currency: s.currency },
    );
  }
  return { lines, after: withPlan(s, termsOf(plan), plan.unitPrice, now) };
}
