import type { ApiKeyEvent } from '@channel-ledger/domain';
import type { DocumentEvolution } from '../engine/document-projection';
import { IDENTITY_API_KEYS } from './collections';
import type { ApiKeyListing } from './documents';

/** `identity_api_keys`: machine credentials by tenant, without their secrets. */
export const identityApiKeys: DocumentEvolution<ApiKeyListing, ApiKeyEvent> = {
  collection: IDENTITY_API_KEYS,
  handles: ['ApiKeyCreated', 'ApiKeyRevoked'],
  keyOf: (event) => event.data.keyId,
  evolve(listing, event) {
    if (event.type === 'ApiKeyRevoked') return listing && { ...listing, status: 'revoked', revokedAt: event.data.revokedAt };
    const { keyId, name, membership, readOnly, createdAt } = event.data;
    return {
      id: keyId,
      keyId,
      name,
      role: membership.role,
      tenantId: membership.tenantId ?? '-',
      readOnly,
      status: 'active',
      createdAt,
      revokedAt: null,
    };
  },
};
