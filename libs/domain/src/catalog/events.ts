import { BillingPeriod } from '../money/billing-period';
import { DomainEvent } from '../shared/decider';
import { Instant } from '../shared/types';
import { PlanPrices, PlanTier } from './plan';

export type PlanPublished = DomainEvent<
  'PlanPublished',
  {
    readonly vendorId: string;
    readonly planId: string;
    readonly product: string;
    readonly tier: PlanTier;
    readonly currency: string;
    readonly prices: PlanPrices;
    readonly publishedAt: Instant;
  }
>;

export type PlanPriceChanged = DomainEvent<
  'PlanPriceChanged',
  {
    readonly vendorId: string;
    readonly planId: string;
    readonly billingPeriod: BillingPeriod;
    readonly currency: string;
    /** null when the plan was not sold for this period before. */
    readonly previousPrice: string | null;
    readonly newPrice: string;
    readonly changedAt: Instant;
  }
>;

export type PlanRetired = DomainEvent<
  'PlanRetired',
  {
    readonly vendorId: string;
    readonly planId: string;
    readonly retiredAt: Instant;
  }
>;

export type CatalogEvent = PlanPublished | PlanPriceChanged | PlanRetired;
