import { defineLedgerProjection } from '../engine/document-projection';
import { resellerViewCollections } from './collections';
import { resellerCustomers } from './customers';
import { resellerIssuanceRights, resellerLicenses } from './issuance';
import { resellerSubscriptions } from './subscriptions';

/**
 * `reseller-view`: per reseller, its customers and their subscriptions, its issuance rights and
 * the licenses it issued. Pure: every value comes from the events (no clock), so anything
 * time-dependent (a transfer or right that has lapsed) is decided by the read helpers.
 */
export const resellerViewProjection = defineLedgerProjection({
  name: 'reseller-view',
  // 2: customers searchable by name prefix and ownership, renewals of one customer by date.
  // 3: a reseller's subscriptions in id order read from an index instead of sorted per page.
  version: 3,
  collections: resellerViewCollections,
  documents: [resellerCustomers, resellerSubscriptions, resellerIssuanceRights, resellerLicenses],
});
