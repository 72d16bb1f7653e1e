import { canonicalInstant } from '../money/billing-period';
import { Decider, Decision, DomainEvent, violation } from '../shared/decider';
import { Actor, Instant, isAtOrAfter } from '../shared/types';
import { IssuanceRightEvent } from './events';
import { issuanceRightFacts } from './queries';
import { evolveIssuanceRight, initialIssuanceRightState, IssuanceRightState } from './state';

/**
 * Sent by the issuance-right process once a right's expiry has passed. Harmless to repeat: a
 * right is closed once, a blocked right is already ended, and one not yet expired records nothing.
 */
export interface CloseExpiredIssuanceRight {
  readonly type: 'CloseExpiredIssuanceRight';
  readonly rightId: string;
  readonly now: Instant;
  readonly actor: Actor;
}

/**
 * Rule 12: the right ran out at `expiresAt` with `used` of `maxLicenses` issued. It stays on record
 * (never deleted) and licenses issued under it keep their own dates.
 */
export type IssuanceRightExpired = DomainEvent<
  'IssuanceRightExpired',
  {
    rightId: string;
    vendorId: string;
    resellerId: string;
    licenseTemplateId: string;
    expiresAt: Instant;
    maxLicenses: number;
    used: number;
    remaining: number;
    closedAt: Instant;
  }
>;

/** Events recorded on an issuance-right stream by the time-driven processes. */
export type IssuanceRightProcessEvent = IssuanceRightExpired;

/** Everything an issuance-right stream may hold. */
export type IssuanceRightStreamEvent = IssuanceRightEvent | IssuanceRightProcessEvent;

export function decideCloseExpiredIssuanceRight(
  command: CloseExpiredIssuanceRight,
  state: IssuanceRightState,
): Decision<IssuanceRightStreamEvent> {
  if (command.actor.kind !== 'system') {
    return violation('actor-not-allowed', 'An issuance right is closed by the ledger itself when it expires; block it to end it early.');
  }
  if (state.status !== 'active' || state.closedAt !== undefined) return [];
  if (!isAtOrAfter(command.now, state.expiresAt)) return [];
  const facts = issuanceRightFacts(state)!;
  return [
    {
      type: 'IssuanceRightExpired',
      data: {
        rightId: state.rightId,
        vendorId: state.vendorId,
        resellerId: state.resellerId,
        licenseTemplateId: state.licenseTemplateId,
        expiresAt: canonicalInstant(state.expiresAt),
        maxLicenses: state.maxLicenses,
        used: facts.used,
        remaining: facts.remaining,
        closedAt: canonicalInstant(command.now),
      },
    },
  ];
}

/** The expiry side of an issuance-right stream: its own command, the stream's one evolve. */
export const issuanceRightExpiryDecider: Decider<CloseExpiredIssuanceRight, IssuanceRightStreamEvent, IssuanceRightState> = {
  initialState: initialIssuanceRightState,
  decide: decideCloseExpiredIssuanceRight,
  evolve: evolveIssuanceRight,
};
