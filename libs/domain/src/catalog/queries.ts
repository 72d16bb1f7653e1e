import { BillingPeriod } from '../money/billing-period';
import { RuleViolation, violation } from '../shared/decider';
import { Plan, PlanPrice } from './plan';
import { CatalogState } from './state';

export function findPlan(state: CatalogState, planId: string): Plan | null {
  return state.status === 'open' ? (state.plans[planId] ?? null) : null;
}

export function availablePlans(state: CatalogState): Plan[] {
  return state.status === 'open' ? Object.values(state.plans).filter((p) => p.status === 'available') : [];
}

/**
 * The price a new purchase, seat addition, plan change or renewal is charged at today.
 * The caller puts the result in the subscription command's `context.plan`; a violation here
 * means the command should not be sent at all.
 */
export function planPrice(state: CatalogState, planId: string, billingPeriod: BillingPeriod): PlanPrice | RuleViolation {
  const plan = findPlan(state, planId);
  if (!plan) return violation('plan-not-found', `There is no plan "${planId}" in this catalog.`, { planId });
  if (plan.status === 'retired') {
    return violation('plan-retired', `${plan.product} ${plan.tier} (${planId}) is no longer sold.`, { planId });
  }
  const unitPrice = plan.prices[billingPeriod];
  if (unitPrice === undefined) {
    return violation('billing-period-not-offered', `${plan.product} ${plan.tier} is not sold with ${billingPeriod} billing.`, {
      planId,
      billingPeriod,
    });
  }
  return {
    vendorId: plan.vendorId,
    planId,
    product: plan.product,
    tier: plan.tier,
    currency: plan.currency,
    billingPeriod,
    unitPrice,
  };
}
