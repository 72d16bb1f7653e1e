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

/** Both the previous and the new terms, so the change reads from the event alone. */
export type IssuanceRightExtended = DomainEvent<
  'IssuanceRightExtended',
  {
    rightId: string;
    previousExpiresAt: Instant;
    expiresAt: Instant;
    previousMaxLicenses: number;
    maxLicenses: number;
    extendedBy: Actor;
    extendedAt: Instant;
  }
>;

/** `used`/`remaining` are after this consumption, so the quota is readable from any single event. */
export type IssuanceRightConsumed = DomainEvent<
  'IssuanceRightConsumed',
  { rightId: string; licenseId: string; used: number; remaining: number; consumedAt: Instant }
>;

export type IssuanceRightEvent = IssuanceRightGranted | IssuanceRightBlocked | IssuanceRightExtended | IssuanceRightConsumed;
