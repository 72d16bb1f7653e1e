import type { IssuanceRightGranted, ResellerRegistered, SubscriptionPurchased } from '@channel-ledger/domain';
import type { WriteOperation } from '@channel-ledger/read-store';
import type { DocumentEvolution, EventWrites } from '../engine/document-projection';
import type { ProjectionView } from '../engine/projection';
import { REPORTING_RESELLERS, REPORTING_VENDOR_RESELLERS } from './collections';
import type { ReportingReseller, VendorReseller } from './documents';

export function vendorResellerId(vendorId: string, resellerId: string | null): string {
  return `${vendorId}|${resellerId ?? 'direct'}`;
}

/** `reporting_resellers`: a reseller's name, as registered (it cannot change). */
export const reportingResellers: DocumentEvolution<ReportingReseller, ResellerRegistered> = {
  collection: REPORTING_RESELLERS,
  handles: ['ResellerRegistered'],
  keyOf: (event) => event.data.resellerId,
  evolve: (_reseller, { data }) => ({
    id: data.resellerId,
    resellerId: data.resellerId,
    companyName: data.companyName,
    partnerKind: data.partnerKind,
  }),
};

/**
 * `reporting_vendor_resellers` from a reseller's purchase or issuance right. Invoices (their
 * currency) and ownership transfers add their pairs where they are counted, as these read the
 * subscription or organization the pair comes from.
 */
export const partnerPairs: EventWrites<SubscriptionPurchased | IssuanceRightGranted> = {
  handles: ['SubscriptionPurchased', 'IssuanceRightGranted'],
  writes: (event, view) => partnerWrites(view, event.data.vendorId, event.data.resellerId),
};

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
