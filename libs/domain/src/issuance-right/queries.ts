import { RuleViolation, violation } from '../shared/decider';
import { Instant, isAtOrAfter } from '../shared/types';
import { IssuanceRightState } from './state';

/** What the license decider needs to know about the right it issues under. */
export interface IssuanceRightFacts {
  readonly rightId: string;
  readonly vendorId: string;
  readonly resellerId: string;
  readonly licenseTemplateId: string;
  readonly nfr: boolean;
  readonly maxLicenses: number;
  readonly used: number;
  readonly remaining: number;
  readonly expiresAt: Instant;
  readonly blocked: boolean;
  readonly licenseIds: readonly string[];
}

export function issuanceRightFacts(state: IssuanceRightState): IssuanceRightFacts | null {
  if (state.status === 'none') return null;
  const used = state.licenseIds.length;
  return {
    rightId: state.rightId,
    vendorId: state.vendorId,
    resellerId: state.resellerId,
    licenseTemplateId: state.licenseTemplateId,
    nfr: state.nfr,
    maxLicenses: state.maxLicenses,
    used,
    remaining: Math.max(0, state.maxLicenses - used),
    expiresAt: state.expiresAt,
    blocked: state.status === 'blocked',
    licenseIds: state.licenseIds,
  };
}

/**
 * Rule 12, shared by the right (which counts) and the license (which checks before issuing):
 * null when `resellerId` may issue `licenseId` under the right at `now`. A license already
 * counted against the right stays allowed, so consuming first and issuing second both agree.
 */
export function issuanceRefusal(
  facts: IssuanceRightFacts | null,
  resellerId: string,
  licenseId: string,
  now: Instant,
): RuleViolation | null {
  if (!facts || facts.resellerId !== resellerId) {
    return violation('issuance-right-not-found', 'You hold no such license issuance right.');
  }
  if (facts.licenseIds.includes(licenseId)) return null;
  if (facts.blocked) {
    return violation(
      'issuance-right-blocked',
      'The vendor has blocked this license issuance right; no more licenses can be issued under it.',
    );
  }
  if (isAtOrAfter(now, facts.expiresAt)) {
    return violation('issuance-right-expired', `This license issuance right expired at ${facts.expiresAt}.`, {
      expiresAt: facts.expiresAt,
    });
  }
  if (facts.remaining <= 0) {
    return violation('issuance-right-used-up', `All ${facts.maxLicenses} licenses of this issuance right have been issued.`, {
      maxLicenses: facts.maxLicenses,
    });
  }
  return null;
}
