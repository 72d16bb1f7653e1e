import type { ProjectionCollection } from '../projection';

/** Collections of the `reporting` projection, by logical name. */
export const REPORTING_SUBSCRIPTIONS = 'reporting_subscriptions';
export const REPORTING_MONTHLY_SALES = 'reporting_monthly_sales';
export const REPORTING_MONTHLY_TRANSFERS = 'reporting_monthly_transfers';
export const REPORTING_ISSUANCE_RIGHTS = 'reporting_issuance_rights';
/** Lookup only: which vendor an organization belongs to and who is transferring it. */
export const REPORTING_ORGANIZATIONS = 'reporting_organizations';

const monthly = [{ fields: ['vendorId', 'month'] }, { fields: ['vendorId', 'resellerId', 'month'] }];

export const REPORTING_COLLECTIONS: ProjectionCollection[] = [
  {
    name: REPORTING_SUBSCRIPTIONS,
    // "active ones of a vendor (and reseller) whose paid period ends within N days": equality on
    // vendor(/reseller)/status, range on periodEnd.
    indexes: [{ fields: ['vendorId', 'status', 'periodEnd'] }, { fields: ['vendorId', 'resellerId', 'status', 'periodEnd'] }],
  },
  { name: REPORTING_MONTHLY_SALES, indexes: monthly },
  { name: REPORTING_MONTHLY_TRANSFERS, indexes: monthly },
  { name: REPORTING_ISSUANCE_RIGHTS, indexes: [{ fields: ['vendorId', 'resellerId'] }] },
  { name: REPORTING_ORGANIZATIONS, indexes: [] },
];
