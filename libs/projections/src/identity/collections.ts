import type { ProjectionCollection } from '../engine/projection';

/** Who may sign in as what: one document per e-mail address (id = the address's keyed hash, email-lookup.ts). */
export const IDENTITY_ACCOUNTS = 'identity_accounts';
/** Machine credentials by tenant, without their secrets (listing and revocation). */
export const IDENTITY_API_KEYS = 'identity_api_keys';

export const identityCollections: ProjectionCollection[] = [
  { name: IDENTITY_ACCOUNTS, indexes: [] },
  { name: IDENTITY_API_KEYS, indexes: [{ fields: ['role', 'tenantId', 'createdAt'] }] },
];
