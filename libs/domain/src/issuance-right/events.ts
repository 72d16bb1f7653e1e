import { DomainEvent } from '../shared/decider';
import { Actor, Instant } from '../shared/types';

export type IssuanceRightGranted = DomainEvent<
  'IssuanceRightGranted',
  {
    rightId: string;
    vendorId: string;
    resellerId: string;
    licenseTemplateId: string;
    maxLicenses: number;
    expiresAt: Instant;
    nfr: boolean;
    grantedBy: Actor;
    grantedAt: Instant;
  }
>;

export type IssuanceRightBlocked = DomainEvent<
  'IssuanceRightBlocked',
  { rightId: string; reason: string; blockedBy: Actor; blockedAt: Instant }
>;

/** `used`/`remaining` are after this consumption, so the quota is readable from any single event. */
export type IssuanceRightConsumed = DomainEvent<
  'IssuanceRightConsumed',
  { rightId: string; licenseId: string; used: number; remaining: number; consumedAt: Instant }
>;

export type IssuanceRightEvent = IssuanceRightGranted | IssuanceRightBlocked | IssuanceRightConsumed;
