import type { IssuanceRightEvent } from '@channel-ledger/domain';
import type { DocumentEvolution } from '../engine/document-projection';
import { REPORTING_ISSUANCE_RIGHTS } from './collections';
import type { ReportingIssuanceRight } from './documents';

const canonical = (instant: string): string => new Date(Date.parse(instant)).toISOString();

/**
 * One document per right (rule 12: N licenses of a template until it expires or is blocked).
 * Expiry is a matter of time, so it is applied at read time (issuanceUtilization's `now`).
 */
export const reportingIssuanceRights: DocumentEvolution<ReportingIssuanceRight, IssuanceRightEvent> = {
  collection: REPORTING_ISSUANCE_RIGHTS,
  handles: ['IssuanceRightGranted', 'IssuanceRightConsumed', 'IssuanceRightBlocked', 'IssuanceRightExtended'],
  keyOf: (event) => event.data.rightId,
  evolve(right, event) {
    if (event.type === 'IssuanceRightGranted') {
      const d = event.data;
      return {
        id: d.rightId,
        rightId: d.rightId,
        vendorId: d.vendorId,
        resellerId: d.resellerId,
        licenseTemplateId: d.licenseTemplateId,
        nfr: d.nfr,
        granted: d.maxLicenses,
        used: 0,
        remaining: d.maxLicenses,
        blocked: false,
        blockedAt: null,
        expiresAt: canonical(d.expiresAt),
        grantedAt: canonical(d.grantedAt),
      };
    }
    if (!right) return null;
    switch (event.type) {
      case 'IssuanceRightConsumed':
        // The event states the counts after consumption, so replays and gaps cannot skew them.
        return { ...right, used: event.data.used, remaining: event.data.remaining };
      case 'IssuanceRightBlocked':
        return { ...right, blocked: true, blockedAt: canonical(event.data.blockedAt) };
      case 'IssuanceRightExtended': {
        const { maxLicenses, expiresAt } = event.data;
        return { ...right, granted: maxLicenses, remaining: Math.max(0, maxLicenses - right.used), expiresAt: canonical(expiresAt) };
      }
    }
  },
};
