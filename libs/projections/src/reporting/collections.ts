import type { ProjectionCollection } from '../engine/projection';

/** Collections of the `reporting` projection, by logical name. */
export const REPORTING_SUBSCRIPTIONS = 'reporting_subscriptions';
export const REPORTING_MONTHLY_SALES = 'reporting_monthly_sales';
export const REPORTING_MONTHLY_TRANSFERS = 'reporting_monthly_transfers';
export const REPORTING_ISSUANCE_RIGHTS = 'reporting_issuance_rights';
/** Lookup only: which vendor an organization belongs to and who is transferring it. */
export const REPORTING_ORGANIZATIONS = 'reporting_organizations';
/** Dashboard: one per ownership transfer (open ones are judged pending or lapsed at read time). */
export const REPORTING_TRANSFERS = 'reporting_transfers';
/** Dashboard: transfer outcomes per vendor, reseller and month of the outcome's own date. */
export const REPORTING_TRANSFER_OUTCOMES = 'reporting_transfer_outcomes';
/** Dashboard: reseller names (ResellerRegistered), by reseller id. */
export const REPORTING_RESELLERS = 'reporting_resellers';
/** Dashboard: who sells for whom, in which currencies (the filters of the page). */
export const REPORTING_VENDOR_RESELLERS = 'reporting_vendor_resellers';

const monthly = [{ fields: ['vendorId', 'month'] }, { fields: ['vendorId', 'resellerId', 'month'] }];
/** A reseller's own dashboard reads by reseller first (across the vendors it sells for). */
const monthlyWithReseller = [...monthly, { fields: ['resellerId', 'month'] }];

export const REPORTING_COLLECTIONS: ProjectionCollection[] = [
  {
    name: REPORTING_SUBSCRIPTIONS,
    // "active ones of a vendor (and reseller) whose paid period ends within N days": equality on
    // vendor(/reseller)/status, range on periodEnd.
    indexes: [
      { fields: ['vendorId', 'status', 'periodEnd'] },
      { fields: ['vendorId', 'resellerId', 'status', 'periodEnd'] },
      { fields: ['resellerId', 'status', 'periodEnd'] },
    ],
  },
  { name: REPORTING_MONTHLY_SALES, indexes: monthlyWithReseller },
  { name: REPORTING_MONTHLY_TRANSFERS, indexes: monthly },
  { name: REPORTING_ISSUANCE_RIGHTS, indexes: [{ fields: ['vendorId', 'resellerId'] }, { fields: ['resellerId'] }] },
  { name: REPORTING_ORGANIZATIONS, indexes: [] },
  {
    name: REPORTING_TRANSFERS,
    // Open transfers of a vendor/reseller by expiry: pending (expiresAt > now) or lapsed unrecorded.
    indexes: [
      { fields: ['vendorId', 'status', 'expiresAt'] },
      { fields: ['vendorId', 'resellerId', 'status', 'expiresAt'] },
      { fields: ['resellerId', 'status', 'expiresAt'] },
    ],
  },
  { name: REPORTING_TRANSFER_OUTCOMES, indexes: monthlyWithReseller },
  { name: REPORTING_RESELLERS, indexes: [] },
  { name: REPORTING_VENDOR_RESELLERS, indexes: [{ fields: ['vendorId'] }, { fields: ['resellerId'] }] },
];
