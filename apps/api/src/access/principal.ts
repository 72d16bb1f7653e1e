import { recordedPerson } from '@channel-ledger/application';
import type { Membership } from '@channel-ledger/domain';
import { Actor } from '@channel-ledger/event-store';

/** DESIGN.md §1's actors, as roles a signed-in principal holds. */
export type Role = Membership['role'];

export const ROLES: readonly Role[] = ['reseller', 'customer', 'vendor-admin', 'support', 'auditor', 'operator'];

/**
 * A verified caller: a person signed in through a one-time link, or a machine through an API key.
 * The tenant is the party whose data the role is limited to: the reseller's id, the customer's
 * e-mail address (its organizations follow from what it owns or administers), the vendor's id;
 * null for staff (support, auditor, operator), who are not limited to a tenant.
 */
export interface Principal {
  via: 'session' | 'api-key';
  role: Role;
  tenantId: string | null;
  /** The person's e-mail address, or the API key's id. */
  subject: string;
  /** The session behind an access token (sign-out ends it). */
  sessionId: string | null;
  /** An API key made for reading (dashboards): it may only use GET routes. */
  readOnly: boolean;
}

/** Who acted, as every event records it. */
export function recordedActor(principal: Principal): Actor {
  if (principal.via === 'api-key') return { kind: 'machine', id: principal.subject };
  return recordedPerson(principal.subject, principal);
}

/** The party the deciders see acting: a vendor administrator acts as its vendor, a key as its role's tenant. */
export function actingPartyOf(principal: Principal): Actor {
  switch (principal.role) {
    case 'reseller':
    case 'vendor-admin':
      return { kind: principal.role, id: principal.tenantId! };
    case 'customer':
      return { kind: 'customer', id: principal.tenantId! };
    default:
      return { kind: principal.role, id: principal.subject };
  }
}

/** Whose behalf a principal acts on by its nature (a key for its tenant, an admin for its vendor). */
export function principalOnBehalfOf(principal: Principal): Actor | null {
  if (principal.role === 'vendor-admin') return { kind: 'vendor', id: principal.tenantId! };
  if (principal.via === 'api-key') {
    const party = actingPartyOf(principal);
    return party.kind === 'support' || party.kind === 'auditor' || party.kind === 'operator' ? null : party;
  }
  return null;
}

/** Support and auditors read everything (DESIGN.md §1). */
export function readsEverything(principal: Principal): boolean {
  return principal.role === 'support' || principal.role === 'auditor';
}
