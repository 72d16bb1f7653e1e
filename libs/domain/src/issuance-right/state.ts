import { Instant } from '../shared/types';
import type { IssuanceRightStreamEvent } from './expiry';

interface GrantedRight {
  readonly rightId: string;
  readonly vendorId: string;
  readonly resellerId: string;
  readonly licenseTemplateId: string;
  readonly maxLicenses: number;
  readonly expiresAt: Instant;
  readonly nfr: boolean;
  readonly grantedAt: Instant;
  /** Licenses counted against the quota, in order; a retry for one of them counts nothing. */
  readonly licenseIds: readonly string[];
  /** When the expiry process closed the right (IssuanceRightExpired); absent while open. */
  readonly closedAt?: Instant;
}

/** Expiry is not a state: it depends on `now`, so it is judged at decision time. */
export type IssuanceRightState =
  | { readonly status: 'none' }
  | (GrantedRight & { readonly status: 'active' })
  | (GrantedRight & { readonly status: 'blocked'; readonly blockedAt: Instant; readonly blockReason: string });

export const initialIssuanceRightState: IssuanceRightState = { status: 'none' };

/** Folds every event of an issuance-right stream, the expiry process's included. */
export function evolveIssuanceRight(state: IssuanceRightState, event: IssuanceRightStreamEvent): IssuanceRightState {
  switch (event.type) {
    case 'IssuanceRightGranted': {
      const { grantedBy: _by, ...right } = event.data;
      return { status: 'active', ...right, licenseIds: [] };
    }
    case 'IssuanceRightBlocked':
      if (state.status !== 'active') return state;
      return { ...state, status: 'blocked', blockedAt: event.data.blockedAt, blockReason: event.data.reason };
    case 'IssuanceRightExtended':
      if (state.status === 'none') return state;
      return { ...state, expiresAt: event.data.expiresAt, maxLicenses: event.data.maxLicenses };
    case 'IssuanceRightConsumed':
      if (state.status === 'none') return state;
      return { ...state, licenseIds: [...state.licenseIds, event.data.licenseId] };
    case 'IssuanceRightExpired':
      if (state.status === 'none') return state;
      return { ...state, closedAt: event.data.closedAt };
    default:
      // An event type this version does not know changes nothing it decides on.
      return state;
  }
}
