import type { ProjectionCollection } from '../engine/projection';

export const CUSTOMER_ORGANIZATIONS = 'customer_organizations';
export const CUSTOMER_ACCESS = 'customer_access';
export const CUSTOMER_LINKS = 'customer_links';
export const CUSTOMER_OWNERSHIP_OFFERS = 'customer_ownership_offers';
export const CUSTOMER_SEARCH_KEYS = 'customer_search_keys';

export const customerViewCollections: ProjectionCollection[] = [
  // Read by id: the API resolves the organization from the signed-in address first.
  { name: CUSTOMER_ORGANIZATIONS, indexes: [] },
  // The organizations a signed-in address may see.
  { name: CUSTOMER_ACCESS, indexes: [{ fields: ['email', 'organizationId'] }] },
  // Internal routing only (read by id): subscription and license events name no organization.
  { name: CUSTOMER_LINKS, indexes: [] },
  // The offers of ownership addressed to a signed-in address, still open at read time (rule 3: expiresAt > now).
  { name: CUSTOMER_OWNERSHIP_OFFERS, indexes: [{ fields: ['toEmail', 'expiresAt'] }] },
  // Support's search: an organization by a contact's address (exact) or by the start of its name (lower-cased).
  { name: CUSTOMER_SEARCH_KEYS, indexes: [{ fields: ['key', 'value', 'organizationId'] }] },
];

export const accessId = (organizationId: string, role: 'owner' | 'administrator', email: string): string =>
  `${organizationId}/${role}/${email}`;
export const subscriptionLinkId = (subscriptionId: string): string => `subscription/${subscriptionId}`;
export const licenseLinkId = (licenseId: string): string => `license/${licenseId}`;
export const contactSearchKeyId = (organizationId: string, role: string): string => `${organizationId}/contact/${role}`;
export const nameSearchKeyId = (organizationId: string): string => `${organizationId}/name`;
