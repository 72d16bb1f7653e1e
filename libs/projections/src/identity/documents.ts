import type { Membership } from '@channel-ledger/domain';

/** `id` is the address's keyed hash (email-lookup.ts): the directory does not hold the address itself. */
export interface IdentityAccount {
  id: string;
  memberships: Membership[];
}

export interface ApiKeyListing {
  id: string;
  keyId: string;
  name: string;
  role: Membership['role'];
  /** '-' for staff keys: index fields must be non-null to be matched. */
  tenantId: string;
  readOnly: boolean;
  status: 'active' | 'revoked';
  createdAt: string;
  revokedAt: string | null;
}
