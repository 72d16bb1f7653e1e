import { defineLedgerProjection } from '../engine/document-projection';
import { REPORTING_COLLECTIONS } from './collections';
import { reportingIssuanceRights } from './issuance-rights';
import { partnerPairs, reportingResellers } from './partners';
import { monthlySalesWrites } from './sales';
import { reportingSubscriptions } from './subscriptions';
import { transferOutcomeWrites } from './transfer-outcomes';
import { monthlyTransferWrites, reportingOrganizations } from './transfers';

export const REPORTING_PROJECTION = 'reporting';

/**
 * Dashboards for vendors: monthly sales per reseller and currency, subscriptions with their next
 * renewal date (renewals due are a range query at read time), ownership transfers per month, and
 * issuance-right utilization.
 */
export const reportingProjection = defineLedgerProjection({
  name: REPORTING_PROJECTION,
  // v2: reseller-first indexes, annualTotal on subscriptions, transfers and their outcomes,
  // reseller names and vendor-reseller pairs (the dashboard).
  version: 2,
  collections: REPORTING_COLLECTIONS,
  documents: [reportingSubscriptions, reportingIssuanceRights, reportingOrganizations, reportingResellers],
  // Counters by month and the vendor-reseller pairs read the subscription or organization they belong to.
  writes: [monthlySalesWrites, transferOutcomeWrites, monthlyTransferWrites, partnerPairs],
});
