import type { Membership } from '@channel-ledger/domain';

/** A domain Membership as stored (a type alias, so it is JSON to the read store). */
export type AccountMembership = { role: Membership['role']; tenantId: string | null };

/** `id` is the address's keyed hash (email-lookup.ts): the directory does not hold the address itself. */
export type IdentityAccount = {
  id: string;
  memberships: AccountMembership[];
};

export type ApiKeyListing = {
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
};
