/** ISO-8601 UTC instant, e.g. "2026-03-01T00:00:00.000Z". Events carry time as strings. */
export type Instant = string;
/** Lower-cased e-mail address. */
export type Email = string;

export type ActorKind = 'reseller' | 'customer' | 'vendor-admin' | 'support' | 'auditor' | 'system' | 'anonymous';

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
