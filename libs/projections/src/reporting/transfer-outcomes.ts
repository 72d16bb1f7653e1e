import {
  canonicalInstant,
  type OwnershipTransferAccepted,
  type OwnershipTransferCancelled,
  type OwnershipTransferExpired,
  type OwnershipTransferInitiated,
} from '@channel-ledger/domain';
import type { RecordedEvent } from '@channel-ledger/event-store';
import type { WriteOperation } from '@channel-ledger/read-store';
import type { ProjectionView } from '../engine/projection';
import { REPORTING_ORGANIZATIONS, REPORTING_TRANSFER_OUTCOMES, REPORTING_TRANSFERS } from './collections';
import type { MonthlyTransferOutcomes, ReportingOrganization, ReportingTransfer, TransferStatus } from './documents';
import { monthOf } from './month';
import { partnerWrites } from './partners';

type Outcome = 'initiated' | 'accepted' | 'lapsed' | 'cancelled';

export function transferId(organizationId: string, transferId: string): string {
  return `${organizationId}|${transferId}`;
}

export function transferOutcomesId(vendorId: string, resellerId: string, month: string): string {
  return `${vendorId}|${resellerId}|${month}`;
}

/**
 * One document per ownership transfer, and monthly outcome counts dated by each step's own
 * business date. Runs before `transferWrites` in the same apply; it only reads the organization's
 * vendor, which never changes.
 */
export async function transferOutcomeWrites(event: RecordedEvent, view: ProjectionView): Promise<WriteOperation[]> {
  const organizationId = event.data.organizationId;
  if (typeof organizationId !== 'string') return [];
  const organization = (await view.get(REPORTING_ORGANIZATIONS, organizationId)) as ReportingOrganization | null;
  if (!organization) return [];

  if (event.type === 'OwnershipTransferInitiated') {
    const d = event.data as unknown as OwnershipTransferInitiated['data'];
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
  if (!closing) return [];
  const transfer = (await view.get(REPORTING_TRANSFERS, transferId(organizationId, closing.transferId))) as ReportingTransfer | null;
  // A step for a transfer this projection never saw open, or one already closed: nothing to count.
  if (!transfer || transfer.status !== 'open') return [];
  const closedAt = canonicalInstant(closing.at);
  return [
    { type: 'patch', collection: REPORTING_TRANSFERS, id: transfer.id, fields: { status: closing.status, closedAt } },
    await count(view, transfer, closing.status, closedAt),
  ];
}

function closingOf(event: RecordedEvent): { transferId: string; status: Exclude<TransferStatus, 'open'>; at: string } | null {
  switch (event.type) {
    case 'OwnershipTransferAccepted': {
      const d = event.data as unknown as OwnershipTransferAccepted['data'];
      return { transferId: d.transferId, status: 'accepted', at: d.acceptedAt };
    }
    case 'OwnershipTransferExpired': {
      // Lapsed when it expired (rule 3), not when a sweep noticed.
      const d = event.data as unknown as OwnershipTransferExpired['data'];
      return { transferId: d.transferId, status: 'lapsed', at: d.expiresAt };
    }
    case 'OwnershipTransferCancelled': {
      const d = event.data as unknown as OwnershipTransferCancelled['data'];
      return { transferId: d.transferId, status: 'cancelled', at: d.cancelledAt };
    }
    default:
      return null;
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
