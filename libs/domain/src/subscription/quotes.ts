import { PlanPrice } from '../catalog/plan';
import { BillingPeriod, PeriodBounds, periodsPerYear } from '../money/billing-period';
import { multiplyAmount } from '../money/amount';
import { CurrencyCode } from '../money/currency';
import { InvoiceLine, invoiceTotal } from '../money/invoice-line';
import { isViolation, RuleViolation } from '../shared/decider';
import { Instant } from '../shared/types';
import { notFound, requireNotEnded } from './lifecycle';
import { latestPeriod, periodAt } from './periods';
import { openingLine, openingPeriod } from './pricing';
import { priceRenewal } from './renewal';
import { ExistingSubscription, SubscriptionState } from './state';
import { PlanTerms } from './terms';
import { priceSeatAddition, pricePlanChange } from './upgrade';

/**
 * Rule 5: quotes are computed from current state without purchasing, with the very functions
 * the commands use, so a quote is what the command then charges at the same moment.
 */

export interface PurchaseQuote {
  readonly currency: CurrencyCode;
  readonly lines: readonly InvoiceLine[];
  readonly total: string;
  readonly periodStart: Instant;
  readonly periodEnd: Instant;
}

export function quotePurchase(plan: PlanPrice, seats: number, now: Instant): PurchaseQuote {
  const bounds = openingPeriod(plan, now);
  const lines = [openingLine(plan, seats, bounds)];
  return { currency: plan.currency, lines, total: invoiceTotal(lines, plan.currency), ...bounds };
}

export interface UpgradeQuote {
  readonly currency: CurrencyCode;
  readonly billingPeriod: BillingPeriod;
  readonly lines: readonly InvoiceLine[];
  /** What the upgrade invoice will total if bought at `now`. */
  readonly dueNow: string;
  readonly plan: PlanTerms;
  readonly seats: number;
  readonly unitPrice: string;
  /** Price of one whole billing period on the upgraded terms. */
  readonly periodTotal: string;
  /** The same, over a year (12 × for monthly billing). */
  readonly annualTotal: string;
  readonly nextChargeDate: Instant;
}

export interface UpgradeRequest {
  readonly addSeats?: number;
  readonly newPlan?: PlanPrice;
  readonly now: Instant;
}

/** Seats are added first, then the plan changes for all seats, like AddSeats followed by ChangePlan. */
export function quoteUpgrade(state: SubscriptionState, request: UpgradeRequest): UpgradeQuote | RuleViolation {
  if (state.status === 'none') return notFound();
  const ended = requireNotEnded(state, request.now);
  if (ended) return ended;
  let subscription: ExistingSubscription = state;
  const lines: InvoiceLine[] = [];
  if (request.addSeats !== undefined) {
    const priced = priceSeatAddition(subscription, request.addSeats, request.now);
    if (isViolation(priced)) return priced;
    lines.push(...priced.lines);
    subscription = priced.after;
  }
  if (request.newPlan !== undefined) {
    const priced = pricePlanChange(subscription, request.newPlan, request.now);
    if (isViolation(priced)) return priced;
    lines.push(...priced.lines);
    subscription = priced.after;
  }
  // Without either, this is the plain "current terms" summary.
  const current = periodAt(subscription, request.now)!;
  const periodTotal = multiplyAmount(current.unitPrice, current.seats, subscription.currency);
  return {
    currency: subscription.currency,
    billingPeriod: subscription.billingPeriod,
    lines,
    dueNow: invoiceTotal(lines, subscription.currency),
    plan: current.plan,
    seats: current.seats,
    unitPrice: current.unitPrice,
    periodTotal,
    annualTotal: multiplyAmount(periodTotal, periodsPerYear(subscription.billingPeriod), subscription.currency),
    nextChargeDate: latestPeriod(subscription).periodEnd,
  };
}

export interface RenewalQuote extends PeriodBounds {
  readonly currency: CurrencyCode;
  readonly billingPeriod: BillingPeriod;
  readonly plan: PlanTerms;
  readonly seats: number;
  readonly unitPrice: string;
  readonly lines: readonly InvoiceLine[];
  /** What the renewal invoice will total. */
  readonly periodTotal: string;
  readonly annualTotal: string;
  /** The day the renewal is charged: the end of the paid time. */
  readonly nextChargeDate: Instant;
}

export interface RenewalRequest {
  readonly now: Instant;
  /** Today's catalog price; without it the quote assumes the price currently paid. */
  readonly plan?: PlanPrice;
  readonly seats?: number;
}

export function quoteRenewal(state: SubscriptionState, request: RenewalRequest): RenewalQuote | RuleViolation {
  if (state.status === 'none') return notFound();
  const latest = latestPeriod(state);
  const plan: PlanPrice = request.plan ?? {
    vendorId: state.vendorId,
    ...latest.plan,
    currency: state.currency,
    billingPeriod: state.billingPeriod,
    unitPrice: latest.unitPrice,
  };
  const renewal = priceRenewal(state, plan, request.seats, request.now);
  if (isViolation(renewal)) return renewal;
  const periodTotal = invoiceTotal([renewal.line], state.currency);
  return {
    currency: state.currency,
    billingPeriod: state.billingPeriod,
    plan: { planId: plan.planId, product: plan.product, tier: plan.tier },
    seats: renewal.seats,
    unitPrice: plan.unitPrice,
    lines: [renewal.line],
    ...renewal.bounds,
    periodTotal,
    annualTotal: multiplyAmount(periodTotal, periodsPerYear(state.billingPeriod), state.currency),
    nextChargeDate: renewal.bounds.periodStart,
  };
}
