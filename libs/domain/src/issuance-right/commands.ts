import { Actor, Instant, ResellerFacts } from '../shared/types';

interface IssuanceRightCommandBase {
  readonly rightId: string;
  readonly now: Instant;
  readonly actor: Actor;
}

/**
 * By a vendor admin, for its own vendor only: `vendorId` names the vendor the right is for and
 * must be the acting admin's (the actor's id), which the decider checks.
 */
export interface GrantIssuanceRight extends IssuanceRightCommandBase {
  readonly type: 'GrantIssuanceRight';
  readonly vendorId: string;
  readonly resellerId: string;
  readonly licenseTemplateId: string;
  readonly maxLicenses: number;
  readonly expiresAt: Instant;
  /** A Not-For-Resale grant: every license issued under it is flagged NFR. */
  readonly nfr: boolean;
  /** The grantee; it must be registered (it may verify later, rule 1 stops it from issuing until then). */
  readonly context: { readonly reseller: ResellerFacts | null };
}

/** There is deliberately no command to delete a right (rule 12); blocking is how it ends early. */
export interface BlockIssuanceRight extends IssuanceRightCommandBase {
  readonly type: 'BlockIssuanceRight';
  readonly vendorId: string;
  readonly reason: string;
}

/**
 * Moves the expiry later and/or raises the quota. Rights only grow this way; a right that should
 * end early is blocked, and nothing is ever deleted (rule 12). Omitted (null) means unchanged.
 */
export interface ExtendIssuanceRight extends IssuanceRightCommandBase {
  readonly type: 'ExtendIssuanceRight';
  readonly vendorId: string;
  readonly expiresAt: Instant | null;
  readonly maxLicenses: number | null;
}

/** Counts one license against the quota on the right's own stream, guarded by its revision. */
export interface ConsumeIssuanceRight extends IssuanceRightCommandBase {
  readonly type: 'ConsumeIssuanceRight';
  readonly licenseId: string;
  readonly context: { readonly reseller: ResellerFacts | null };
}

export type IssuanceRightCommand = GrantIssuanceRight | BlockIssuanceRight | ExtendIssuanceRight | ConsumeIssuanceRight;
