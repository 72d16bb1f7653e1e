import { Instant, instantPlusDays } from '../../shared/types';

/**
 * Dunning: the renewal is charged at term end; a declined charge is retried 1, 3 and 7 days after
 * the term end; after the fourth decline the subscription lapses (it expires at the term end).
 */
export const DUNNING_RETRY_DAYS: readonly number[] = [1, 3, 7];

/** How many charges are attempted in all for one term end. */
export const RENEWAL_CHARGE_ATTEMPTS = DUNNING_RETRY_DAYS.length + 1;

/** When attempt `attempt + 1` is made after attempt `attempt` was declined; null when none is left. */
export function nextAttemptAfter(termEnd: Instant, attempt: number): Instant | null {
  const days = DUNNING_RETRY_DAYS[attempt - 1];
  return days === undefined ? null : instantPlusDays(termEnd, days);
}

/** Renewal reminders go out this many days before the term ends. */
export const RENEWAL_REMINDER_DAYS: readonly number[] = [30, 7];
