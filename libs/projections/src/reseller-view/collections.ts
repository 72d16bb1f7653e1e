import type { ProjectionCollection } from '../engine/projection';

/**
 * Logical collection names and the indexes the reseller UI's queries need. A query is served when
 * its equality fields lead an index, then its range field, then its sort fields (read-store port).
 */
export const RESELLER_CUSTOMERS = 'reseller_customers';
export const RESELLER_SUBSCRIPTIONS = 'reseller_subscriptions';
export const RESELLER_ISSUANCE_RIGHTS = 'reseller_issuance_rights';
export const RESELLER_LICENSES = 'reseller_licenses';

export const resellerViewCollections: ProjectionCollection[] = [
  {
    name: RESELLER_CUSTOMERS,
    indexes: [
      // A reseller's customers, by name.
      { fields: ['resellerId', 'name'] },
      // The reseller's list searched by name prefix (case-insensitive), optionally narrowed to who owns it.
      { fields: ['resellerId', 'nameKey'] },
      { fields: ['resellerId', 'ownership', 'nameKey'] },
      // Ownership offers still open at a read-time "now", soonest deadline first (rule 3).
      { fields: ['resellerId', 'transferExpiresAt'] },
      // Rule 13: the vendor's public customers, for other resellers' license issuance.
      { fields: ['vendorId', 'isPublic', 'name'] },
    ],
  },
  {
    name: RESELLER_SUBSCRIPTIONS,
    indexes: [
      // A reseller's subscriptions page by page in id order: the index entries end with the id, so
      // no page sorts all of them (the next index would: its entries are ordered by customer first).
      { fields: ['resellerId'] },
      // By reseller, narrowed to one customer, then to a status.
      { fields: ['resellerId', 'organizationId', 'status'] },
      // By reseller and status, with a range on the charge date: "renewals due before D".
      { fields: ['resellerId', 'status', 'nextChargeDate'] },
      // The same renewal window for one customer.
      { fields: ['resellerId', 'organizationId', 'status', 'nextChargeDate'] },
    ],
  },
  {
    name: RESELLER_ISSUANCE_RIGHTS,
    // "Usable at D": not blocked and expiring after D (the remaining count is on each document).
    indexes: [{ fields: ['resellerId', 'blocked', 'expiresAt'] }],
  },
  {
    name: RESELLER_LICENSES,
    indexes: [
      // By reseller, one customer (null = unlinked), then status.
      { fields: ['resellerId', 'organizationId', 'status'] },
      { fields: ['resellerId', 'status'] },
      // What was issued under one right.
      { fields: ['resellerId', 'rightId'] },
    ],
  },
];
