import type {
  CustomerOrganizationCreated,
  OwnershipTransferAccepted,
  OwnershipTransferCancelled,
  OwnershipTransferExpired,
  OwnershipTransferInitiated,
} from '@channel-ledger/domain';
import type { RecordedEvent } from '@channel-ledger/event-store';
import type { WriteOperation } from '@channel-ledger/read-store';
import type { ProjectionView } from '../engine/projection';
import { REPORTING_MONTHLY_TRANSFERS, REPORTING_ORGANIZATIONS } from './collections';
import type { MonthlyTransfers, ReportingOrganization } from './documents';
import { monthOf } from './month';

type Outcome = 'initiated' | 'accepted' | 'expired' | 'cancelled';

export function monthlyTransfersId(vendorId: string, resellerId: string, month: string): string {
  return `${vendorId}|${resellerId}|${month}`;
}

/**
 * Ownership transfers per vendor, reseller and month of occurredAt. Organization events carry no
 * vendor, so the organization's vendor is remembered from its creation; an expiry names no
 * reseller, so the initiating reseller is remembered with the open transfer.
 */
export async function transferWrites(event: RecordedEvent, view: ProjectionView): Promise<WriteOperation[]> {
  if (event.type === 'CustomerOrganizationCreated') {
    const d = event.data as unknown as CustomerOrganizationCreated['data'];
    const organization: ReportingOrganization = {
      id: d.organizationId,
      vendorId: d.vendorId,
      managingResellerId: d.managingReseller.resellerId,
      openTransfer: null,
    };
    return [{ type: 'put', collection: REPORTING_ORGANIZATIONS, document: organization }];
  }
  const organizationId = event.data.organizationId;
  if (typeof organizationId !== 'string') return [];
  const organization = (await view.get(REPORTING_ORGANIZATIONS, organizationId)) as ReportingOrganization | null;
  if (!organization) return [];

  const step = transferStep(event, organization);
  if (!step) return [];
  const month = monthOf(event.metadata.occurredAt);
  const id = monthlyTransfersId(organization.vendorId, step.resellerId, month);
  const current = ((await view.get(REPORTING_MONTHLY_TRANSFERS, id)) as MonthlyTransfers | null) ?? {
    id,
    vendorId: organization.vendorId,
    resellerId: step.resellerId,
    month,
    initiated: 0,
    accepted: 0,
    expired: 0,
    cancelled: 0,
  };
  return [
    { type: 'put', collection: REPORTING_MONTHLY_TRANSFERS, document: { ...current, [step.outcome]: current[step.outcome] + 1 } },
    { type: 'patch', collection: REPORTING_ORGANIZATIONS, id: organization.id, fields: { openTransfer: step.openTransfer } },
  ];
}

function transferStep(
  event: RecordedEvent,
  organization: ReportingOrganization,
): { outcome: Outcome; resellerId: string; openTransfer: ReportingOrganization['openTransfer'] } | null {
  const initiator = (transferId: string) =>
    organization.openTransfer?.transferId === transferId ? organization.openTransfer.resellerId : organization.managingResellerId;
  switch (event.type) {
    case 'OwnershipTransferInitiated': {
      const d = event.data as unknown as OwnershipTransferInitiated['data'];
      return {
        outcome: 'initiated',
        resellerId: d.fromResellerId,
        openTransfer: { transferId: d.transferId, resellerId: d.fromResellerId },
      };
    }
    case 'OwnershipTransferAccepted': {
      const d = event.data as unknown as OwnershipTransferAccepted['data'];
      return { outcome: 'accepted', resellerId: d.previousOwnerResellerId, openTransfer: null };
    }
    case 'OwnershipTransferExpired': {
      const d = event.data as unknown as OwnershipTransferExpired['data'];
      return { outcome: 'expired', resellerId: initiator(d.transferId), openTransfer: null };
    }
    case 'OwnershipTransferCancelled': {
      const d = event.data as unknown as OwnershipTransferCancelled['data'];
      return { outcome: 'cancelled', resellerId: initiator(d.transferId), openTransfer: null };
    }
    default:
      return null;
  }
}
