import type { ApiKeyEvent, Membership, StaffAccountEvent } from '@channel-ledger/domain';
import { normalizeEmail } from '@channel-ledger/domain';
import type { RecordedEvent } from '@channel-ledger/event-store';
import type { JsonObject, WriteOperation } from '@channel-ledger/read-store';
import { emailLookupOf } from '../email-lookup';
import { defineProjection, ProjectionView } from '../engine/projection';
import { IDENTITY_ACCOUNTS, IDENTITY_API_KEYS, identityCollections } from './collections';
import type { ApiKeyListing, IdentityAccount } from './documents';

/** Every address that may have to sign in: resellers, customer contacts, invitees, owners, staff. */
function membershipsGranted(event: RecordedEvent): { email: string; membership: Membership }[] {
  const d = event.data as Record<string, unknown>;
  const customer = (email: unknown) => ({
    email: String(email),
    membership: { role: 'customer' as const, tenantId: normalizeEmail(String(email)) },
  });
  switch (event.type) {
    case 'ResellerRegistered':
      return [{ email: String(d.email), membership: { role: 'reseller', tenantId: String(d.resellerId) } }];
    case 'CustomerOrganizationCreated':
      return [customer((d.customerContact as { email: string }).email)];
    case 'OwnershipTransferInitiated':
      return [customer(d.toEmail)];
    case 'AdministratorInvited':
      return [customer(d.email)];
    case 'ContactChanged':
      return [customer((d.contact as { email: string }).email)];
    case 'StaffAccountGranted': {
      const g = (event as unknown as StaffAccountEvent).data;
      return [{ email: g.email, membership: { role: g.role, tenantId: g.vendorId } }];
    }
    default:
      return [];
  }
}

const sameMembership = (a: Membership, b: Membership) => a.role === b.role && a.tenantId === b.tenantId;

async function grant(view: ProjectionView, address: string, membership: Membership): Promise<WriteOperation[]> {
  const id = emailLookupOf(address);
  if (id === null) return []; // an erased address signs in as nobody
  const account = (await view.get(IDENTITY_ACCOUNTS, id)) as IdentityAccount | null;
  const memberships = account?.memberships ?? [];
  if (memberships.some((m) => sameMembership(m, membership))) return [];
  const document: IdentityAccount = { id, memberships: [...memberships, membership] };
  return [{ type: 'put', collection: IDENTITY_ACCOUNTS, document: document as unknown as JsonObject & { id: string } }];
}

async function revoke(view: ProjectionView, address: string, membership: Membership): Promise<WriteOperation[]> {
  const id = emailLookupOf(address);
  if (id === null) return [];
  const account = (await view.get(IDENTITY_ACCOUNTS, id)) as IdentityAccount | null;
  if (!account) return [];
  const memberships = account.memberships.filter((m) => !sameMembership(m, membership));
  return [{ type: 'patch', collection: IDENTITY_ACCOUNTS, id, fields: { memberships } as unknown as JsonObject }];
}

function apiKeyOperations(event: ApiKeyEvent): WriteOperation[] {
  if (event.type === 'ApiKeyCreated') {
    const { keyId, name, membership, readOnly, createdAt } = event.data;
    const listing: ApiKeyListing = {
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
    return [{ type: 'put', collection: IDENTITY_API_KEYS, document: listing as unknown as JsonObject & { id: string } }];
  }
  return [
    { type: 'patch', collection: IDENTITY_API_KEYS, id: event.data.keyId, fields: { status: 'revoked', revokedAt: event.data.revokedAt } },
  ];
}

/**
 * `identity`: the directory sign-in consults (which roles an address may sign in as) and the
 * listing of API keys. Configured staff accounts are not here: they come from configuration.
 */
export const identityProjection = defineProjection({
  name: 'identity',
  // v2: accounts are keyed by the address's keyed hash (email-lookup.ts), not the address.
  version: 2,
  collections: identityCollections,
  handles: [
    'ResellerRegistered',
    'CustomerOrganizationCreated',
    'OwnershipTransferInitiated',
    'AdministratorInvited',
    'ContactChanged',
    'StaffAccountGranted',
    'StaffAccountRevoked',
    'ApiKeyCreated',
    'ApiKeyRevoked',
  ],
  async apply(event, view) {
    if (event.type === 'ApiKeyCreated' || event.type === 'ApiKeyRevoked') {
      return apiKeyOperations({ type: event.type, data: event.data } as unknown as ApiKeyEvent);
    }
    if (event.type === 'StaffAccountRevoked') {
      const r = (event as unknown as StaffAccountEvent).data;
      return revoke(view, r.email, { role: r.role, tenantId: r.vendorId });
    }
    const operations: WriteOperation[] = [];
    for (const { email, membership } of membershipsGranted(event)) operations.push(...(await grant(view, email, membership)));
    return operations;
  },
});
