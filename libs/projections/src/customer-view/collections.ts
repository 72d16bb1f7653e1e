import type { ProjectionCollection } from '../projection';

export const CUSTOMER_ORGANIZATIONS = 'customer_organizations';
export const CUSTOMER_ACCESS = 'customer_access';
export const CUSTOMER_LINKS = 'customer_links';

export const customerViewCollections: ProjectionCollection[] = [
  // Read by id: the API resolves the organization from the signed-in address first.
  { name: CUSTOMER_ORGANIZATIONS, indexes: [] },
  // The organizations a signed-in address may see.
  { name: CUSTOMER_ACCESS, indexes: [{ fields: ['email', 'organizationId'] }] },
  // Internal routing only (read by id): subscription and license events name no organization.
  { name: CUSTOMER_LINKS, indexes: [] },
];

export const accessId = (organizationId: string, role: 'owner' | 'administrator', email: string): string => `${organizationId}/${role}/${email}`;
export const subscriptionLinkId = (subscriptionId: string): string => `subscription/${subscriptionId}`;
export const licenseLinkId = (licenseId: string): string => `license/${licenseId}`;
