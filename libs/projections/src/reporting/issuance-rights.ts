import type { IssuanceRightBlocked, IssuanceRightConsumed, IssuanceRightExtended, IssuanceRightGranted } from '@channel-ledger/domain';
import type { RecordedEvent } from '@channel-ledger/event-store';
import type { WriteOperation } from '@channel-ledger/read-store';
import type { ProjectionView } from '../engine/projection';
import { REPORTING_ISSUANCE_RIGHTS } from './collections';
import type { ReportingIssuanceRight } from './documents';
import { partnerWrites } from './partners';

const canonical = (instant: string): string => new Date(Date.parse(instant)).toISOString();

/**
 * One document per right (rule 12: N licenses of a template until it expires or is blocked).
 * Expiry is a matter of time, so it is applied at read time (issuanceUtilization's `now`).
 */
export async function issuanceRightWrites(event: RecordedEvent, view: ProjectionView): Promise<WriteOperation[]> {
  if (event.type === 'IssuanceRightGranted') {
    const d = event.data as unknown as IssuanceRightGranted['data'];
    const right: ReportingIssuanceRight = {
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
    return [
      { type: 'put', collection: REPORTING_ISSUANCE_RIGHTS, document: right },
      ...(await partnerWrites(view, d.vendorId, d.resellerId)),
    ];
  }
  const rightId = event.data.rightId;
  if (typeof rightId !== 'string' || !(await view.get(REPORTING_ISSUANCE_RIGHTS, rightId))) return [];
  if (event.type === 'IssuanceRightConsumed') {
    // The event states the counts after consumption, so replays and gaps cannot skew them.
    const d = event.data as unknown as IssuanceRightConsumed['data'];
    return [{ type: 'patch', collection: REPORTING_ISSUANCE_RIGHTS, id: rightId, fields: { used: d.used, remaining: d.remaining } }];
  }
  if (event.type === 'IssuanceRightBlocked') {
    const d = event.data as unknown as IssuanceRightBlocked['data'];
    return [
      { type: 'patch', collection: REPORTING_ISSUANCE_RIGHTS, id: rightId, fields: { blocked: true, blockedAt: canonical(d.blockedAt) } },
    ];
  }
  if (event.type === 'IssuanceRightExtended') {
    const d = event.data as unknown as IssuanceRightExtended['data'];
    const right = (await view.get(REPORTING_ISSUANCE_RIGHTS, rightId)) as unknown as ReportingIssuanceRight;
    const fields = { granted: d.maxLicenses, remaining: Math.max(0, d.maxLicenses - right.used), expiresAt: canonical(d.expiresAt) };
    return [{ type: 'patch', collection: REPORTING_ISSUANCE_RIGHTS, id: rightId, fields }];
  }
  return [];
}
