import { BillingPeriod } from '../money/billing-period';
import { CurrencyCode } from '../money/currency';
import { Instant } from '../shared/types';

/** Enterprise is the only tier that may be paid on invoice (rule 6). */
export type PlanTier = 'pro' | 'teams' | 'advanced' | 'enterprise';
export const PLAN_TIERS: readonly PlanTier[] = ['pro', 'teams', 'advanced', 'enterprise'];

/** Price of one seat for one billing period, as a decimal string; absent = not sold that way. */
export type PlanPrices = Readonly<Partial<Record<BillingPeriod, string>>>;

export interface Plan {
  readonly planId: string;
  readonly vendorId: string;
  readonly product: string;
  readonly tier: PlanTier;
  readonly currency: CurrencyCode;
  readonly prices: PlanPrices;
  readonly status: 'available' | 'retired';
  readonly publishedAt: Instant;
  readonly retiredAt: Instant | null;
}

/**
 * What a purchase needs to know about a plan, read from the catalog by the caller and put in
 * the subscription command's `context.plan`.
 */
export interface PlanPrice {
  readonly vendorId: string;
  readonly planId: string;
  readonly product: string;
  readonly tier: PlanTier;
  readonly currency: CurrencyCode;
  readonly billingPeriod: BillingPeriod;
  /** Price of one seat for one whole billing period. */
  readonly unitPrice: string;
}
