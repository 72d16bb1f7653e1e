import type { IssuanceRightEvent, LicenseEvent } from '@channel-ledger/domain';
import type { JsonObject, WriteOperation } from '@channel-ledger/read-store';
import type { ProjectionView } from '../engine/projection';
import { RESELLER_ISSUANCE_RIGHTS, RESELLER_LICENSES } from './collections';
import type { ResellerIssuanceRight, ResellerLicense } from './documents';

/** Issuance-right events → `reseller_issuance_rights` (rule 12). */
export async function applyIssuanceRightEvent(event: IssuanceRightEvent, view: ProjectionView): Promise<WriteOperation[]> {
  if (event.type === 'IssuanceRightGranted') {
    const d = event.data;
    const right: ResellerIssuanceRight = {
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
    return [{ type: 'put', collection: RESELLER_ISSUANCE_RIGHTS, document: right }];
  }
  if (!(await view.get(RESELLER_ISSUANCE_RIGHTS, event.data.rightId))) return [];
  const patch = (fields: Partial<ResellerIssuanceRight>): WriteOperation[] => [
    { type: 'patch', collection: RESELLER_ISSUANCE_RIGHTS, id: event.data.rightId, fields: fields as JsonObject },
  ];
  switch (event.type) {
    case 'IssuanceRightBlocked':
      return patch({ blocked: true, blockedAt: event.data.blockedAt, blockReason: event.data.reason });
    case 'IssuanceRightConsumed':
      // The event carries the counts after consumption: nothing to add up.
      return patch({ used: event.data.used, remaining: event.data.remaining });
    case 'IssuanceRightExtended': {
      const right = (await view.get(RESELLER_ISSUANCE_RIGHTS, event.data.rightId)) as unknown as ResellerIssuanceRight;
      const { maxLicenses, expiresAt } = event.data;
      return patch({ maxLicenses, expiresAt, remaining: Math.max(0, maxLicenses - right.used) });
    }
  }
}

/** License events → `reseller_licenses` (rule 14: linked, unlinked, NFR). */
export async function applyLicenseEvent(event: LicenseEvent, view: ProjectionView): Promise<WriteOperation[]> {
  if (event.type === 'LicenseIssued') {
    const d = event.data;
    const license: ResellerLicense = {
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
    return [{ type: 'put', collection: RESELLER_LICENSES, document: license }];
  }
  const license = (await view.get(RESELLER_LICENSES, event.data.licenseId)) as ResellerLicense | null;
  if (!license) return [];
  const patch = (fields: Partial<ResellerLicense>): WriteOperation[] => [
    { type: 'patch', collection: RESELLER_LICENSES, id: license.id, fields: fields as JsonObject },
  ];
  switch (event.type) {
    case 'LicenseDelivered':
      // A revoked license stays revoked; the delivery is still worth showing.
      return patch({
        status: license.status === 'revoked' ? 'revoked' : 'delivered',
        deliveredTo: event.data.toEmail,
        deliveredAt: event.data.deliveredAt,
      });
    case 'LicenseRevoked':
      return patch({ status: 'revoked', revokedAt: event.data.revokedAt, revokeReason: event.data.reason });
  }
}
