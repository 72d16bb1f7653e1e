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

export function requireSeatCount(seats: unknown, what = 'seats'): RuleViolation | null {
  return Number.isInteger(seats) && (seats as number) >= 1
    ? null
    : violation('invalid-seat-count', `The number of ${what} must be a whole number of at least 1.`, { seats });
}

/** A catalog price offered to an existing subscription must fit it: same vendor, money and rhythm. */
export function requireCompatiblePlan(s: SubscriptionRecord, plan: PlanPrice): RuleViolation | null {
  if (plan.vendorId !== s.vendorId) {
    return violation('plan-from-another-vendor', `Plan ${plan.planId} is sold by another vendor.`, { planId: plan.planId });
  }
  if (plan.currency !== s.currency) {
    return violation('currency-mismatch', `This subscription is billed in ${s.currency}; plan ${plan.planId} is priced in ${plan.currency}.`);
  }
  if (plan.billingPeriod !== s.billingPeriod) {
    return violation(
      'billing-period-change-not-supported',
      `This subscription is billed ${s.billingPeriod}; switching to ${plan.billingPeriod} billing needs a new purchase.`,
    );
  }
  return validatePrice(plan.unitPrice, plan.currency, 'plan price');
}
