import { PlanPrice } from '../catalog/plan';
import { validatePrice } from '../money/amount';
import { RuleViolation, violation } from '../shared/decider';
import { Email } from '../shared/types';
import { SubscriptionRecord } from './state';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(email: string): Email {
  return email.trim().toLowerCase();
}

export function isEmail(value: unknown): value is Email {
  return typeof value === 'string' && EMAIL.test(value.trim());
}

/**
 * A sanity ceiling, not a commercial limit: a typo of a few extra zeros must not turn into an
 * invoice nobody can pay; bigger deals go through the vendor's sales team.
 */
export const MAX_SEATS_PER_COMMAND = 100_000;

export function requireSeatCount(seats: unknown, what = 'seats'): RuleViolation | null {
  if (!Number.isInteger(seats) || (seats as number) < 1) {
    return violation('invalid-seat-count', `The number of ${what} must be a whole number of at least 1.`, { seats });
  }
  if ((seats as number) > MAX_SEATS_PER_COMMAND) {
    return violation(
      'too-many-seats',
      `At most ${MAX_SEATS_PER_COMMAND} ${what} can be bought at once; contact the vendor's sales team for larger deals.`,
      { seats, max: MAX_SEATS_PER_COMMAND },
    );
  }
  return null;
}

/** A catalog price offered to an existing subscription must fit it: same vendor, money and rhythm. */
export function requireCompatiblePlan(s: SubscriptionRecord, plan: PlanPrice): RuleViolation | null {
  if (plan.vendorId !== s.vendorId) {
    return violation('plan-from-another-vendor', `Plan ${plan.planId} is sold by another vendor.`, { planId: plan.planId });
  }
  if (plan.currency !== s.currency) {
    return violation(
      'currency-mismatch',
      `This subscription is billed in ${s.currency}; plan ${plan.planId} is priced in ${plan.currency}.`,
    );
  }
  if (plan.billingPeriod !== s.billingPeriod) {
    return violation(
      'billing-period-change-not-supported',
      `This subscription is billed ${s.billingPeriod}; switching to ${plan.billingPeriod} billing needs a new purchase.`,
    );
  }
  return validatePrice(plan.unitPrice, plan.currency, 'plan price');
}
