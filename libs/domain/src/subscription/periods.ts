import { isBefore } from '../money/billing-period';
import { Instant } from '../shared/types';
import { SubscriptionRecord } from './state';
import { InvoiceOwnership, PaidPeriod, PlanTerms } from './terms';

export function latestPeriod(s: SubscriptionRecord): PaidPeriod {
  return s.periods[s.periods.length - 1];
}

/** Paid periods not yet over at `at`: the running one, plus the next one if renewed ahead. */
export function openPeriods(s: SubscriptionRecord, at: Instant): PaidPeriod[] {
  return s.periods.filter((p) => isBefore(at, p.periodEnd));
}

/** The period `at` falls in, or the first one still to come; null once everything paid is over. */
export function periodAt(s: SubscriptionRecord, at: Instant): PaidPeriod | null {
  return openPeriods(s, at)[0] ?? null;
}

/** Paid time has run out, even if no sweep recorded the expiry yet. */
export function hasLapsed(s: SubscriptionRecord, at: Instant): boolean {
  return !isBefore(at, latestPeriod(s).periodEnd);
}

/** Seats usable at `at`: the smallest count among open periods, so assignments fit in all of them. */
export function seatsAt(s: SubscriptionRecord, at: Instant): number {
  const open = openPeriods(s, at);
  return open.length === 0 ? 0 : Math.min(...open.map((p) => p.seats));
}

/** Seats take effect immediately in every period still open (rule 4). */
export function withSeatsAdded<S extends SubscriptionRecord>(s: S, seatsAdded: number, at: Instant): S {
  return {
    ...s,
    periods: s.periods.map((p) => (isBefore(at, p.periodEnd) ? { ...p, seats: p.seats + seatsAdded } : p)),
  };
}

export function withPlan<S extends SubscriptionRecord>(s: S, plan: PlanTerms, unitPrice: string, at: Instant): S {
  return {
    ...s,
    periods: s.periods.map((p) => (isBefore(at, p.periodEnd) ? { ...p, plan, unitPrice } : p)),
  };
}

/** The invoice owner in effect at `at`: the last change effective at or before it. */
export function ownershipAt(s: SubscriptionRecord, at: Instant): InvoiceOwnership {
  let current = s.ownership[0];
  for (const entry of s.ownership) {
    if (!isBefore(at, entry.from)) current = entry;
  }
  return current;
}
