import { Instant } from '../shared/types';

export type BillingPeriod = 'monthly' | 'annual';
export const BILLING_PERIODS: readonly BillingPeriod[] = ['monthly', 'annual'];

const MS_PER_DAY = 86_400_000;

export function monthsIn(period: BillingPeriod): 1 | 12 {
  return period === 'monthly' ? 1 : 12;
}

export function periodsPerYear(period: BillingPeriod): 1 | 12 {
  return period === 'monthly' ? 12 : 1;
}

export function isInstant(value: unknown): value is Instant {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}

/** One spelling per moment, so events compare and hash the same whatever the caller typed. */
export function canonicalInstant(instant: Instant): Instant {
  return new Date(Date.parse(instant)).toISOString();
}

export function instantMs(instant: Instant): number {
  return Date.parse(instant);
}

export function isBefore(a: Instant, b: Instant): boolean {
  return instantMs(a) < instantMs(b);
}

export function latestOf(a: Instant, b: Instant): Instant {
  return isBefore(a, b) ? b : a;
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * `months` calendar months after `anchor`, in UTC, keeping the anchor's day and time but
 * clamping to the month's last day. Always computed from the anchor itself, never chained,
 * so a Jan 31 subscription bills Feb 28 (or 29) and then Mar 31 again.
 */
export function addCalendarMonths(anchor: Instant, months: number): Instant {
  const a = new Date(instantMs(anchor));
  const target = a.getUTCMonth() + months;
  const year = a.getUTCFullYear() + Math.floor(target / 12);
  const monthIndex = ((target % 12) + 12) % 12;
  const day = Math.min(a.getUTCDate(), daysInMonth(year, monthIndex));
  return new Date(
    Date.UTC(year, monthIndex, day, a.getUTCHours(), a.getUTCMinutes(), a.getUTCSeconds(), a.getUTCMilliseconds()),
  ).toISOString();
}

export interface PeriodBounds {
  readonly periodStart: Instant;
  readonly periodEnd: Instant;
}

/** The `index`-th billing period (0 = the one the purchase opened) anchored on the purchase. */
export function billingPeriodAt(anchor: Instant, period: BillingPeriod, index: number): PeriodBounds {
  return {
    periodStart: addCalendarMonths(anchor, index * monthsIn(period)),
    periodEnd: addCalendarMonths(anchor, (index + 1) * monthsIn(period)),
  };
}

/** Number of the UTC calendar day an instant falls on (days since 1970-01-01). */
export function utcDayNumber(instant: Instant): number {
  return Math.floor(instantMs(instant) / MS_PER_DAY);
}

/** Whole UTC days from `from`'s date to `to`'s date; the time of day never matters. */
export function wholeUtcDaysBetween(from: Instant, to: Instant): number {
  return utcDayNumber(to) - utcDayNumber(from);
}
