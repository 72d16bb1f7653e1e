import type { LedgerEventOf } from '@channel-ledger/domain';
import type { DocumentEvolution, EventWrites, Recorded } from '../engine/document-projection';
import { REPORTING_MONTHLY_TRANSFERS, REPORTING_ORGANIZATIONS } from './collections';
import type { MonthlyTransfers, ReportingOrganization } from './documents';
import { monthOf } from './month';

type Outcome = 'initiated' | 'accepted' | 'expired' | 'cancelled';

export type TransferStep = LedgerEventOf<
  'OwnershipTransferInitiated' | 'OwnershipTransferAccepted' | 'OwnershipTransferExpired' | 'OwnershipTransferCancelled'
>;
export const TRANSFER_STEPS: TransferStep['type'][] = [
  'OwnershipTransferInitiated',
  'OwnershipTransferAccepted',
  'OwnershipTransferExpired',
  'OwnershipTransferCancelled',
];

export function monthlyTransfersId(vendorId: string, resellerId: string, month: string): string {
  return `${vendorId}|${resellerId}|${month}`;
}

/**
 * `reporting_organizations`: organization events carry no vendor, so the organization's vendor is
 * remembered from its creation; an expiry names no reseller, so the initiating reseller is
 * remembered with the open transfer.
 */
export const reportingOrganizations: DocumentEvolution<ReportingOrganization, LedgerEventOf<'CustomerOrganizationCreated'> | TransferStep> =
  {
    collection: REPORTING_ORGANIZATIONS,
    handles: ['CustomerOrganizationCreated', ...TRANSFER_STEPS],
    keyOf: (event) => event.data.organizationId,
    evolve(organization, event) {
      if (event.type === 'CustomerOrganizationCreated') {
        const d = event.data;
        return { id: d.organizationId, vendorId: d.vendorId, managingResellerId: d.managingReseller.resellerId, openTransfer: null };
      }
      if (!organization) return null;
      const openTransfer =
        event.type === 'OwnershipTransferInitiated' ? { transferId: event.data.transferId, resellerId: event.data.fromResellerId } : null;
      return { ...organization, openTransfer };
    },
  };

/** Ownership transfers per vendor, reseller and month of occurredAt. */
export const monthlyTransferWrites: EventWrites<TransferStep> = {
  handles: TRANSFER_STEPS,
  async writes(event, view) {
    const organization = (await view.get(REPORTING_ORGANIZATIONS, event.data.organizationId)) as ReportingOrganization | null;
    if (!organization) return [];
    const step = transferStep(event, organization);
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
    return [{ type: 'put', collection: REPORTING_MONTHLY_TRANSFERS, document: { ...current, [step.outcome]: current[step.outcome] + 1 } }];
  },
};

function transferStep(event: Recorded<TransferStep>, organization: ReportingOrganization): { outcome: Outcome; resellerId: string } {
  const initiator = (transferId: string) =>
    organization.openTransfer?.transferId === transferId ? organization.openTransfer.resellerId : organization.managingResellerId;
  switch (event.type) {
    case 'OwnershipTransferInitiated':
      return { outcome: 'initiated', resellerId: event.data.fromResellerId };
    case 'OwnershipTransferAccepted':
      return { outcome: 'accepted', resellerId: event.data.previousOwnerResellerId };
    case 'OwnershipTransferExpired':
      return { outcome: 'expired', resellerId: initiator(event.data.transferId) };
    case 'OwnershipTransferCancelled':
      return { outcome: 'cancelled', resellerId: initiator(event.data.transferId) };
  }
}
