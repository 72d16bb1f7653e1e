import type { AuditActor } from '../documents';
import type { DescribeContext } from './context';

/** "2026-03-08": the UTC calendar day people talk about. */
export function day(instant: string): string {
  return new Date(Date.parse(instant)).toISOString().slice(0, 10);
}

/** "USD 1234.50": amounts are already rounded decimal strings, printed as stored. */
export function money(currency: string, amount: string): string {
  return `${currency} ${amount}`;
}

export function capitalize(word: string): string {
  return word.length === 0 ? word : word[0].toUpperCase() + word.slice(1);
}

/** "GitLens Pro" */
export function planName(plan: { product: string; tier: string }): string {
  return `${plan.product} ${capitalize(plan.tier)}`;
}

export function seats(count: number): string {
  return `${count} ${count === 1 ? 'seat' : 'seats'}`;
}

/** Who did it, in words: a reseller by name, anyone else by role and id. */
export function actorLabel(actor: AuditActor, context: DescribeContext): string {
  switch (actor.kind) {
    case 'reseller':
      return context.resellerName(actor.id);
    case 'support':
      return `support agent ${actor.id}`;
    case 'vendor-admin':
      return `vendor admin ${actor.id}`;
    case 'customer':
      return `customer ${actor.id}`;
    case 'system':
      return 'the system';
    default:
      return `${actor.kind} ${actor.id}`;
  }
}

/** The proration of the first charged line of an invoice: "prorated 152 of 365 days". */
export function prorationOf(lines: readonly { remainingDays: number; daysInPeriod: number }[]): string | null {
  const first = lines[0];
  if (!first) return null;
  const more = lines.length > 1 ? ` (+${lines.length - 1} more ${lines.length === 2 ? 'line' : 'lines'})` : '';
  return `prorated ${first.remainingDays} of ${first.daysInPeriod} days${more}`;
}

/** "10 GitLens Pro seats" */
export function planSeats(count: number, plan: { product: string; tier: string }): string {
  return `${count} ${planName(plan)} ${count === 1 ? 'seat' : 'seats'}`;
}
