import { canonicalInstant } from '../../money/billing-period';

/** Identifies one renewal reminder: the term end it is about and how many days before it. */
export function reminderKey(termEnd: string, daysBefore: number): string {
  return `${canonicalInstant(termEnd)}|${daysBefore}`;
}
