import type { IssuanceRightEvent, LicenseEvent } from '@channel-ledger/domain';
import type { DocumentEvolution } from '../engine/document-projection';
import { RESELLER_ISSUANCE_RIGHTS, RESELLER_LICENSES } from './collections';
import type { ResellerIssuanceRight, ResellerLicense } from './documents';

/** Issuance-right events → `reseller_issuance_rights` (rule 12). */
export const resellerIssuanceRights: DocumentEvolution<ResellerIssuanceRight, IssuanceRightEvent> = {
  collection: RESELLER_ISSUANCE_RIGHTS,
  handles: ['IssuanceRightGranted', 'IssuanceRightBlocked', 'IssuanceRightExtended', 'IssuanceRightConsumed'],
  keyOf: (event) => event.data.rightId,
  evolve(right, event) {
    if (event.type === 'IssuanceRightGranted') {
      const d = event.data;
      return {
        id: d.rightId,
        rightId: d.rightId,
        resellerId: d.resellerId,
        vendorId: d.vendorId,
        licenseTemplateId: d.licenseTemplateId,
        maxLicenses: d.maxLicenses,
        used: 0,
        remaining: d.maxLicenses,
        expiresAt: d.expiresAt,
        blocked: false,
        blockedAt: null,
        blockReason: null,
        nfr: d.nfr,
        grantedAt: d.grantedAt,
      };
    }
    if (!right) return null;
    switch (event.type) {
      case 'IssuanceRightBlocked':
        return { ...right, blocked: true, blockedAt: event.data.blockedAt, blockReason: event.data.reason };
      case 'IssuanceRightConsumed':
        // The event carries the counts after consumption: nothing to add up.
        return { ...right, used: event.data.used, remaining: event.data.remaining };
      case 'IssuanceRightExtended': {
        const { maxLicenses, expiresAt } = event.data;
        return { ...right, maxLicenses, expiresAt, remaining: Math.max(0, maxLicenses - right.used) };
      }
    }
  },
};

/** License events → `reseller_licenses` (rule 14: linked, unlinked, NFR). */
export const resellerLicenses: DocumentEvolution<ResellerLicense, LicenseEvent> = {
  collection: RESELLER_LICENSES,
  handles: ['LicenseIssued', 'LicenseDelivered', 'LicenseRevoked'],
  keyOf: (event) => event.data.licenseId,
  evolve(license, event) {
    if (event.type === 'LicenseIssued') {
      const d = event.data;
      return {
        id: d.licenseId,
        licenseId: d.licenseId,
        resellerId: d.resellerId,
        vendorId: d.vendorId,
        organizationId: d.organizationId,
        rightId: d.rightId,
        licenseTemplateId: d.licenseTemplateId,
        nfr: d.nfr,
        status: 'issued',
        issuedAt: d.issuedAt,
        deliveredTo: null,
        deliveredAt: null,
        revokedAt: null,
        revokeReason: null,
      };
    }
    if (!license) return null;
    switch (event.type) {
      case 'LicenseDelivered':
        // A revoked license stays revoked; the delivery is still worth showing.
        return {
          ...license,
          status: license.status === 'revoked' ? 'revoked' : 'delivered',
          deliveredTo: event.data.toEmail,
          deliveredAt: event.data.deliveredAt,
        };
      case 'LicenseRevoked':
        return { ...license, status: 'revoked', revokedAt: event.data.revokedAt, revokeReason: event.data.reason };
    }
  },
};
