import type { DirectPurchaseRecorded, InvoiceOwnerChanged, SubscriptionPurchased } from '@channel-ledger/domain';
import type { RecordedEvent } from '@channel-ledger/event-store';
import type { WriteOperation } from '@channel-ledger/read-store';
import { asLedgerEvent, type Recorded } from '../engine/document-projection';
import type { ProjectionView } from '../engine/projection';
import { INVOICE_OWNER_INTERVALS } from './collections';
import type { InvoiceOwnerInterval } from './documents';
import { canonicalInstant } from './log-keys';

export function intervalId(subscriptionId: string, validFrom: string): string {
  return `${subscriptionId}|${validFrom}`;
}

/**
 * Keeps the invoice-owner history of a subscription as contiguous intervals, exactly as the
 * domain reads it (`ownershipAt`): a purchase opens [purchasedAt, ∞); a change effective at E
 * splits the interval containing E into [from, E) and [E, to). A change may be dated before a
 * later one (support decisions are back-dated), which is why it splits rather than appends.
 * Effective at the very start of an interval, it replaces that interval's owner.
 */
export async function invoiceOwnerWrites(recorded: RecordedEvent, view: ProjectionView): Promise<WriteOperation[]> {
  const event = asLedgerEvent(recorded);
  switch (event.type) {
    case 'SubscriptionPurchased':
    case 'DirectPurchaseRecorded':
      return opened(event);
    case 'InvoiceOwnerChanged':
      return changed(event, view);
    default:
      return [];
  }
}

function opened(event: Recorded<SubscriptionPurchased | DirectPurchaseRecorded>): WriteOperation[] {
  const d = event.data;
  const validFrom = canonicalInstant(d.purchasedAt);
  const interval: InvoiceOwnerInterval = {
    id: intervalId(d.subscriptionId, validFrom),
    subscriptionId: d.subscriptionId,
    organizationId: d.organizationId,
    vendorId: d.vendorId,
    validFrom,
    validTo: null,
    owner: { ...d.invoiceOwner },
    channel: d.channel,
    openedByEventId: event.eventId,
    reason: null,
  };
  return [{ type: 'put', collection: INVOICE_OWNER_INTERVALS, document: interval }];
}

async function changed(event: Recorded<InvoiceOwnerChanged>, view: ProjectionView): Promise<WriteOperation[]> {
  const d = event.data;
  const at = canonicalInstant(d.effectiveAt);
  const history = (await view.find(INVOICE_OWNER_INTERVALS, { subscriptionId: d.subscriptionId })) as InvoiceOwnerInterval[];
  if (history.length === 0) return []; // the domain refuses a change before the purchase
  const byStart = [...history].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
  const containing = byStart.filter((interval) => interval.validFrom <= at).pop();
  const next = byStart.find((interval) => interval.validFrom > at);
  const base = containing ?? byStart[0];
  const replacement: InvoiceOwnerInterval = {
    id: intervalId(d.subscriptionId, at),
    subscriptionId: d.subscriptionId,
    organizationId: base.organizationId,
    vendorId: base.vendorId,
    validFrom: at,
    validTo: next?.validFrom ?? null,
    owner: { ...d.to },
    channel: d.toChannel,
    openedByEventId: event.eventId,
    reason: d.reason,
  };
  const writes: WriteOperation[] = [{ type: 'put', collection: INVOICE_OWNER_INTERVALS, document: replacement }];
  if (containing && containing.validFrom < at) {
    writes.unshift({ type: 'patch', collection: INVOICE_OWNER_INTERVALS, id: containing.id, fields: { validTo: at } });
  }
  return writes;
}
