import { PlanPrice } from '../catalog/plan';
import { billingPeriodAt, latestOf, PeriodBounds } from '../money/billing-period';
import { InvoiceLine, InvoiceLineKind } from '../money/invoice-line';
import { fullPeriodLine, ProratedLine, prorate } from '../money/proration';
import { Instant } from '../shared/types';
import { latestPeriod, openPeriods } from './periods';
import { SubscriptionRecord } from './state';
import { PaidPeriod, PlanTerms } from './terms';

/**
 * The single place that prices a change. Both the deciders and the quotes call these
 * functions, which is what makes a quote equal to what the purchase then charges (rule 5).
 */

const day = (instant: Instant) => instant.slice(0, 10);
const planName = (plan: PlanTerms) => `${plan.product} ${plan.tier[0].toUpperCase()}${plan.tier.slice(1)}`;
const seatWord = (n: number) => (n === 1 ? 'seat' : 'seats');

function line(kind: InvoiceLineKind, description: string, prorated: ProratedLine): InvoiceLine {
  return { kind, description, ...prorated };
}

export function termsOf(plan: PlanPrice): PlanTerms {
  return { planId: plan.planId, product: plan.product, tier: plan.tier };
}

export function openingLine(plan: PlanPrice, seats: number, bounds: PeriodBounds): InvoiceLine {
  return line(
    'subscription',
    `${planName(plan)}, ${seats} ${seatWord(seats)}, ${day(bounds.periodStart)} to ${day(bounds.periodEnd)}`,
    fullPeriodLine({ currency: plan.currency, unitPrice: plan.unitPrice, seats, ...bounds }),
  );
}

/** The first period of a new subscription, anchored on the moment of purchase. */
export function openingPeriod(plan: PlanPrice, now: Instant): PeriodBounds {
  return billingPeriodAt(now, plan.billingPeriod, 0);
}

function prorateFor(s: SubscriptionRecord, p: PaidPeriod, unitPrice: string, seats: number, now: Instant): ProratedLine {
  // A period renewed ahead has not started yet: it is charged in full.
  const effectiveDate = latestOf(now, p.periodStart);
  return prorate({ currency: s.currency, unitPrice, seats, periodStart: p.periodStart, periodEnd: p.periodEnd, effectiveDate });
}

/** Rule 4: added seats cost the unit price prorated over what is left of each paid period. */
export function addedSeatsLines(s: SubscriptionRecord, seatsAdded: number, now: Instant): InvoiceLine[] {
  return openPeriods(s, now).map((p) =>
    line(
      'added-seats',
      `${seatsAdded} added ${seatWord(seatsAdded)} of ${planName(p.plan)}, ${day(latestOf(now, p.periodStart))} to ${day(p.periodEnd)}`,
      prorateFor(s, p, p.unitPrice, seatsAdded, now),
    ),
  );
}

/**
 * A plan change credits the unused part of the old plan and charges the new plan for the same
 * days, one pair of lines per paid period; each line is rounded on its own.
 */
export function planChangeLines(s: SubscriptionRecord, plan: PlanPrice, now: Instant): InvoiceLine[] {
  return openPeriods(s, now).flatMap((p) => {
    const from = day(latestOf(now, p.periodStart));
    return [
      line(
        'plan-change-credit',
        `Unused time on ${planName(p.plan)}, ${p.seats} ${seatWord(p.seats)}, ${from} to ${day(p.periodEnd)}`,
        prorateFor(s, p, negate(p.unitPrice), p.seats, now),
      ),
      line(
        'plan-change-charge',
        `${planName(plan)}, ${p.seats} ${seatWord(p.seats)}, ${from} to ${day(p.periodEnd)}`,
        prorateFor(s, p, plan.unitPrice, p.seats, now),
      ),
    ];
  });
}

function negate(amount: string): string {
  return amount.startsWith('-') ? amount.slice(1) : `-${amount}`;
}

export interface RenewalTerms {
  readonly periodIndex: number;
  readonly bounds: PeriodBounds;
  readonly line: InvoiceLine;
}

/** The next period follows the latest paid one, anchored on the initial purchase. */
export function renewalTerms(s: SubscriptionRecord, plan: PlanPrice, seats: number): RenewalTerms {
  const periodIndex = latestPeriod(s).index + 1;
  const bounds = billingPeriodAt(s.billingAnchor, s.billingPeriod, periodIndex);
  const renewal = fullPeriodLine({ currency: s.currency, unitPrice: plan.unitPrice, seats, ...bounds });
  return {
    periodIndex,
    bounds,
    line: line(
      'renewal',
      `${planName(plan)}, ${seats} ${seatWord(seats)}, ${day(bounds.periodStart)} to ${day(bounds.periodEnd)}`,
      renewal,
    ),
  };
}
