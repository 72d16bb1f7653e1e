import { DomainEvent } from '../shared/decider';
import { Email, Instant } from '../shared/types';

export type SignInLinkIssued = DomainEvent<
  'SignInLinkIssued',
  { linkId: string; email: Email; tokenHash: string; issuedAt: Instant; expiresAt: Instant }
>;

export type SignInLinkUsed = DomainEvent<'SignInLinkUsed', { linkId: string; email: Email; usedAt: Instant }>;

export type SignInLinkEvent = SignInLinkIssued | SignInLinkUsed;
