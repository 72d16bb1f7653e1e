import { PlanPrice } from '../../catalog/plan';
import { invoiceTotal } from '../../money/invoice-line';
import { RuleViolation } from '../../shared/decider';
import { latestPeriod } from '../periods';
import { renewalTerms, RenewalTerms, termsOf } from '../pricing';
import { SubscriptionRecord } from '../state';
import { requireCompatiblePlan } from '../validation';
import { RenewalPriceFacts } from './events';

export interface AutoRenewalTerms extends RenewalTerms {
  readonly seats: number;
  readonly total: string;
  readonly price: RenewalPriceFacts;
}

/**
 * What renewing at term end costs: the seats of the latest paid period at the plan's price in
 * force, priced by the very function the renewal quote and RenewSubscription use, so the charge
 * equals the quote given before (rule 5).
 */
export function autoRenewalTerms(s: SubscriptionRecord, plan: PlanPrice): AutoRenewalTerms | RuleViolation {
  const incompatible = requireCompatiblePlan(s, plan);
  if (incompatible) return incompatible;
  const seats = latestPeriod(s).seats;
  const terms = renewalTerms(s, plan, seats);
  const total = invoiceTotal([terms.line], s.currency);
  return {
    ...terms,
    seats,
    total,
    price: { plan: termsOf(plan), seats, unitPrice: plan.unitPrice, currency: s.currency, ...terms.bounds, total },
  };
}
