/** ISO-8601 UTC instant, e.g. "2026-03-01T00:00:00.000Z". Events carry time as strings. */
export type Instant = string;
/** Lower-cased e-mail address. */
export type Email = string;

/** People and machines that act, plus the parties (organization, vendor) others act on behalf of. */
export type ActorKind =
  | 'reseller'
  | 'customer'
  | 'vendor-admin'
  | 'support'
  | 'auditor'
  | 'operator'
  | 'machine'
  | 'system'
  | 'anonymous'
  | 'organization'
  | 'vendor';

/** Who issues a command. Mirrors the event envelope's actor. */
export interface Actor {
  readonly kind: ActorKind;
  readonly id: string;
}

/**
 * Facts about the acting reseller, read by the handler from the reseller's stream and handed
 * to other deciders in the command's `context` (deciders never read streams themselves).
 */
export interface ResellerFacts {
  readonly resellerId: string;
  readonly companyName: string;
  readonly email: Email;
  readonly emailVerified: boolean;
  readonly partnerKind: 'reseller' | 'marketplace';
}

const MS_PER_HOUR = 3_600_000;

/**
 * Deadlines (verification, ownership transfer, sign-in links) are computed from the command's
 * `now`, so the result is always an ISO string in the same normalised shape as stored events.
 */
export function instantPlusHours(at: Instant, hours: number): Instant {
  return new Date(Date.parse(at) + hours * MS_PER_HOUR).toISOString();
}

export function instantPlusDays(at: Instant, days: number): Instant {
  return instantPlusHours(at, days * 24);
}

/**
 * Compared as points in time rather than strings: "…T00:00:00Z" and "…T00:00:00.000Z" are the
 * same instant but do not sort the same. A deadline is reached AT its instant (not after).
 */
export function isAtOrAfter(at: Instant, deadline: Instant): boolean {
  return Date.parse(at) >= Date.parse(deadline);
}

/** Addresses are compared case-insensitively everywhere; events store the normalised form. */
export function normalizeEmail(address: string): Email {
  return address.trim().toLowerCase();
}
