import { canonicalInstant } from '@channel-ledger/domain';
import type { WriteOperation } from '@channel-ledger/read-store';
import type { EventWrites, Recorded } from '../engine/document-projection';
import type { ProjectionView } from '../engine/projection';
import { REPORTING_ORGANIZATIONS, REPORTING_TRANSFER_OUTCOMES, REPORTING_TRANSFERS } from './collections';
import type { MonthlyTransferOutcomes, ReportingOrganization, ReportingTransfer, TransferStatus } from './documents';
import { monthOf } from './month';
import { partnerWrites } from './partners';
import { TRANSFER_STEPS, type TransferStep } from './transfers';

type Outcome = 'initiated' | 'accepted' | 'lapsed' | 'cancelled';

export function transferId(organizationId: string, transferId: string): string {
  return `${organizationId}|${transferId}`;
}

export function transferOutcomesId(vendorId: string, resellerId: string, month: string): string {
  return `${vendorId}|${resellerId}|${month}`;
}

/**
 * One document per ownership transfer, and monthly outcome counts dated by each step's own
 * business date. It only reads the organization's vendor, which never changes.
 */
export const transferOutcomeWrites: EventWrites<TransferStep> = { handles: TRANSFER_STEPS, writes: transferOutcomes };

async function transferOutcomes(event: Recorded<TransferStep>, view: ProjectionView): Promise<WriteOperation[]> {
  const organizationId = event.data.organizationId;
  const organization = (await view.get(REPORTING_ORGANIZATIONS, organizationId)) as ReportingOrganization | null;
  if (!organization) return [];

  if (event.type === 'OwnershipTransferInitiated') {
    const d = event.data;
    const transfer: ReportingTransfer = {
      id: transferId(organizationId, d.transferId),
      transferId: d.transferId,
      organizationId,
      vendorId: organization.vendorId,
      resellerId: d.fromResellerId,
      status: 'open',
      initiatedAt: canonicalInstant(d.initiatedAt),
      expiresAt: canonicalInstant(d.expiresAt),
      closedAt: null,
    };
    return [
      { type: 'put', collection: REPORTING_TRANSFERS, document: transfer },
      await count(view, transfer, 'initiated', transfer.initiatedAt),
      ...(await partnerWrites(view, organization.vendorId, d.fromResellerId)),
    ];
  }

  const closing = closingOf(event);
  const transfer = (await view.get(REPORTING_TRANSFERS, transferId(organizationId, closing.transferId))) as ReportingTransfer | null;
  // A step for a transfer this projection never saw open, or one already closed: nothing to count.
  if (!transfer || transfer.status !== 'open') return [];
  const closedAt = canonicalInstant(closing.at);
  return [
    { type: 'patch', collection: REPORTING_TRANSFERS, id: transfer.id, fields: { status: closing.status, closedAt } },
    await count(view, transfer, closing.status, closedAt),
  ];
}

function closingOf(event: Recorded<Exclude<TransferStep, { type: 'OwnershipTransferInitiated' }>>): {
  transferId: string;
  status: Exclude<TransferStatus, 'open'>;
  at: string;
} {
  switch (event.type) {
    case 'OwnershipTransferAccepted':
      return { transferId: event.data.transferId, status: 'accepted', at: event.data.acceptedAt };
    case 'OwnershipTransferExpired':
      // Lapsed when it expired (rule 3), not when a sweep noticed.
      return { transferId: event.data.transferId, status: 'lapsed', at: event.data.expiresAt };
    case 'OwnershipTransferCancelled':
      return { transferId: event.data.transferId, status: 'cancelled', at: event.data.cancelledAt };
  }
}

async function count(view: ProjectionView, transfer: ReportingTransfer, outcome: Outcome, at: string): Promise<WriteOperation> {
  const month = monthOf(at);
  const id = transferOutcomesId(transfer.vendorId, transfer.resellerId, month);
  const current = ((await view.get(REPORTING_TRANSFER_OUTCOMES, id)) as MonthlyTransferOutcomes | null) ?? {
    id,
    vendorId: transfer.vendorId,
    resellerId: transfer.resellerId,
    month,
    initiated: 0,
    accepted: 0,
    lapsed: 0,
    cancelled: 0,
  };
  return { type: 'put', collection: REPORTING_TRANSFER_OUTCOMES, document: { ...current, [outcome]: current[outcome] + 1 } };
}
