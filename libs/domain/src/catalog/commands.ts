import { BillingPeriod } from '../money/billing-period';
import { Actor, Instant } from '../shared/types';
import { PlanPrices, PlanTier } from './plan';

/** Which vendor the acting admin administers, resolved by the caller from the admin's account. */
export interface CatalogContext {
  readonly actorVendorId: string | null;
}

interface CatalogCommandBase {
  readonly vendorId: string;
  readonly now: Instant;
  readonly actor: Actor;
  readonly context: CatalogContext;
}

export interface PublishPlan extends CatalogCommandBase {
  readonly type: 'PublishPlan';
  readonly planId: string;
  readonly product: string;
  readonly tier: PlanTier;
  readonly currency: string;
  readonly prices: PlanPrices;
}

/** Changes (or starts offering) the price for one billing period; existing subscriptions keep theirs until renewal. */
export interface ChangePlanPrice extends CatalogCommandBase {
  readonly type: 'ChangePlanPrice';
  readonly planId: string;
  readonly billingPeriod: BillingPeriod;
  readonly newPrice: string;
}

export interface RetirePlan extends CatalogCommandBase {
  readonly type: 'RetirePlan';
  readonly planId: string;
}

export type CatalogCommand = PublishPlan | ChangePlanPrice | RetirePlan;
