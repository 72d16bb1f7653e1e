import { defineLedgerProjection } from '../engine/document-projection';
import { customerViewCollections } from './collections';
import { licenseLinks, organizationLicenses } from './licenses';
import { offersAndSearchKeys } from './offers-and-search';
import { customerAccess, customerOrganizations } from './organizations';
import { organizationSubscriptions, subscriptionLinks } from './subscriptions';

/**
 * `customer-view`: per organization, the customer's read-only view (rule 8) — its details,
 * owner, administrators, contacts, subscriptions and licenses, and whom to ask for changes.
 * Pure; never carries prices, amounts, invoices or payment methods.
 */
export const customerViewProjection = defineLedgerProjection({
  name: 'customer-view',
  // v2: customer_ownership_offers and customer_search_keys (a customer's open offers, support's search).
  // v3: contact addresses in customer_search_keys are keyed hashes (email-lookup.ts).
  version: 3,
  collections: customerViewCollections,
  // The organization document evolves with its own, its subscriptions' and its licenses' events.
  documents: [customerOrganizations, organizationSubscriptions, organizationLicenses],
  writes: [customerAccess, subscriptionLinks, licenseLinks, offersAndSearchKeys],
});
