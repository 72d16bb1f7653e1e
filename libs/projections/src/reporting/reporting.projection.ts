import type { RecordedEvent } from '@channel-ledger/event-store';
import type { WriteOperation } from '@channel-ledger/read-store';
import { defineProjection, type ProjectionView } from '../engine/projection';
import { REPORTING_COLLECTIONS } from './collections';
import { issuanceRightWrites } from './issuance-rights';
import { resellerWrites } from './partners';
import { salesWrites } from './sales';
import { subscriptionWrites } from './subscriptions';
import { transferOutcomeWrites } from './transfer-outcomes';
import { transferWrites } from './transfers';

export const REPORTING_PROJECTION = 'reporting';

const SUBSCRIPTION_EVENTS = [
  'SubscriptionPurchased',
  'DirectPurchaseRecorded',
  'SeatsPurchased',
  'PlanChanged',
  'SubscriptionRenewed',
  'SubscriptionCancelled',
  'SubscriptionExpired',
] as const;
const ORGANIZATION_EVENTS = [
  'CustomerOrganizationCreated',
  'OwnershipTransferInitiated',
  'OwnershipTransferAccepted',
  'OwnershipTransferExpired',
  'OwnershipTransferCancelled',
] as const;
const ISSUANCE_EVENTS = ['IssuanceRightGranted', 'IssuanceRightConsumed', 'IssuanceRightBlocked', 'IssuanceRightExtended'] as const;

const has = (list: readonly string[], type: string): boolean => list.includes(type);

/**
 * Dashboards for vendors: monthly sales per reseller and currency, subscriptions with their next
 * renewal date (renewals due are a range query at read time), ownership transfers per month, and
 * issuance-right utilization.
 */
export const reportingProjection = defineProjection({
  name: REPORTING_PROJECTION,
  // v2: reseller-first indexes, annualTotal on subscriptions, transfers and their outcomes,
  // reseller names and vendor-reseller pairs (the dashboard).
  version: 2,
  collections: REPORTING_COLLECTIONS,
  handles: ['ResellerRegistered', ...SUBSCRIPTION_EVENTS, 'InvoiceIssued', ...ORGANIZATION_EVENTS, ...ISSUANCE_EVENTS],
  async apply(event: RecordedEvent, view: ProjectionView): Promise<WriteOperation[]> {
    if (has(SUBSCRIPTION_EVENTS, event.type)) return subscriptionWrites(event, view);
    if (event.type === 'InvoiceIssued') return salesWrites(event, view);
    if (has(ORGANIZATION_EVENTS, event.type))
      return [...(await transferOutcomeWrites(event, view)), ...(await transferWrites(event, view))];
    if (event.type === 'ResellerRegistered') return resellerWrites(event);
    if (has(ISSUANCE_EVENTS, event.type)) return issuanceRightWrites(event, view);
    return [];
  },
});
