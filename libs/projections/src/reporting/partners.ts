import type { ResellerRegistered } from '@channel-ledger/domain';
import type { RecordedEvent } from '@channel-ledger/event-store';
import type { WriteOperation } from '@channel-ledger/read-store';
import type { ProjectionView } from '../engine/projection';
import { REPORTING_RESELLERS, REPORTING_VENDOR_RESELLERS } from './collections';
import type { ReportingReseller, VendorReseller } from './documents';

export function vendorResellerId(vendorId: string, resellerId: string | null): string {
  return `${vendorId}|${resellerId ?? 'direct'}`;
}

/** A reseller's name, as registered (it cannot change). */
export function resellerWrites(event: RecordedEvent): WriteOperation[] {
  if (event.type !== 'ResellerRegistered') return [];
  const d = event.data as unknown as ResellerRegistered['data'];
  const reseller: ReportingReseller = {
    id: d.resellerId,
    resellerId: d.resellerId,
    companyName: d.companyName,
    partnerKind: d.partnerKind,
  };
  return [{ type: 'put', collection: REPORTING_RESELLERS, document: reseller }];
}

/**
 * Remembers that a reseller (null: the vendor itself, for direct sales) works with a vendor and,
 * given one, in which currency: what the dashboard's filters offer. Idempotent: nothing is
 * written when the pair and currency are already known.
 */
export async function partnerWrites(
  view: ProjectionView,
  vendorId: string,
  resellerId: string | null,
  currency?: string,
): Promise<WriteOperation[]> {
  const id = vendorResellerId(vendorId, resellerId);
  const known = (await view.get(REPORTING_VENDOR_RESELLERS, id)) as VendorReseller | null;
  if (!known) {
    const reseller = resellerId === null ? null : ((await view.get(REPORTING_RESELLERS, resellerId)) as ReportingReseller | null);
    const document: VendorReseller = {
      id,
      vendorId,
      resellerId,
      companyName: reseller?.companyName ?? null,
      currencies: currency ? [currency] : [],
    };
    return [{ type: 'put', collection: REPORTING_VENDOR_RESELLERS, document }];
  }
  if (currency === undefined || known.currencies.includes(currency)) return [];
  return [{ type: 'patch', collection: REPORTING_VENDOR_RESELLERS, id, fields: { currencies: [...known.currencies, currency].sort() } }];
}
