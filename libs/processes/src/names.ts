/**
 * The processes that act because time passed. Each is the actor (`{ kind: 'system', id: <name> }`)
 * of what it records, and stops alone when one of its steps fails.
 */
export const PROCESS_NAMES = ['ownership-offer-expiry', 'subscription-renewal', 'reminders', 'issuance-right-expiry'] as const;
export type ProcessName = (typeof PROCESS_NAMES)[number];

/** What a schedule item asks its process to do when it falls due. */
export type ProcessStep =
  /** ownership-offer-expiry: record that an offer was not accepted within 7 days (rule 3). */
  | 'lapse-offer'
  /** reminders: the invited contact, 24 h before the offer lapses. */
  | 'remind-offer'
  /** reminders: the invoice owner, 30 and 7 days before the term ends. */
  | 'remind-renewal'
  /** subscription-renewal: charge and renew (auto-renewal), retry (dunning), lapse or expire. */
  | 'term-end'
  /** issuance-right-expiry: close a right past its expiry (rule 12). */
  | 'close-right';

export function isProcessName(name: string): name is ProcessName {
  return (PROCESS_NAMES as readonly string[]).includes(name);
}
