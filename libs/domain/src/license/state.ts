import { Email, Instant } from '../shared/types';
import { LicenseEvent } from './events';

interface IssuedLicense {
  readonly licenseId: string;
  readonly rightId: string;
  readonly vendorId: string;
  readonly licenseTemplateId: string;
  readonly resellerId: string;
  readonly organizationId: string | null;
  readonly nfr: boolean;
  readonly issuedAt: Instant;
  readonly deliveredTo: readonly Email[];
}

export type LicenseState =
  | { readonly status: 'none' }
  | (IssuedLicense & { readonly status: 'issued' })
  | (IssuedLicense & { readonly status: 'revoked'; readonly revokedAt: Instant; readonly revocationReason: string });

export const initialLicenseState: LicenseState = { status: 'none' };

export function evolveLicense(state: LicenseState, event: LicenseEvent): LicenseState {
  switch (event.type) {
    case 'LicenseIssued':
      return { status: 'issued', ...event.data, deliveredTo: [] };
    case 'LicenseDelivered':
      if (state.status !== 'issued') return state;
      return { ...state, deliveredTo: [...state.deliveredTo, event.data.toEmail] };
    case 'LicenseRevoked':
      if (state.status !== 'issued') return state;
      return { ...state, status: 'revoked', revokedAt: event.data.revokedAt, revocationReason: event.data.reason };
  }
}
