import { Email, Instant, isAtOrAfter } from '../shared/types';
import { ContactChangeRequest, OrganizationState, PendingOwnershipTransfer } from './state';

/** What a license issuance needs to know about the customer (handed over in its context). */
export interface OrganizationFacts {
  readonly organizationId: string;
  readonly vendorId: string;
  readonly managedByResellerId: string;
  readonly isPublic: boolean;
  readonly name: string;
  readonly primaryContactEmail: Email | null;
}

export function organizationFacts(state: OrganizationState): OrganizationFacts | null {
  if (state.status !== 'active') return null;
  return {
    organizationId: state.organizationId,
    vendorId: state.vendorId,
    managedByResellerId: state.managingReseller.resellerId,
    isPublic: state.isPublic,
    name: state.name,
    primaryContactEmail: state.contacts.primary?.email ?? null,
  };
}

/** Rule 13: only the reseller that created the organization manages it. */
export function canManageOrganization(state: OrganizationState, resellerId: string): boolean {
  return state.status === 'active' && state.managingReseller.resellerId === resellerId;
}

/**
 * Rule 13: the managing reseller, or any reseller when the customer is public, may issue licenses
 * to it, but only licenses of the organization's own vendor.
 */
export function canIssueLicensesTo(state: OrganizationState, resellerId: string, vendorId: string): boolean {
  const facts = organizationFacts(state);
  return facts !== null && organizationAcceptsLicensesFrom(facts, resellerId, vendorId);
}

/** The same rule on facts, for deciders that receive the organization in their context. */
export function organizationAcceptsLicensesFrom(facts: OrganizationFacts, resellerId: string, vendorId: string): boolean {
  return facts.vendorId === vendorId && (facts.managedByResellerId === resellerId || facts.isPublic);
}

/** A pending transfer past its expiry is no longer open, whether or not a sweep recorded it (rule 3). */
export function openOwnershipTransfer(state: OrganizationState, now: Instant): PendingOwnershipTransfer | null {
  if (state.status !== 'active' || state.transfer.status !== 'pending') return null;
  return isAtOrAfter(now, state.transfer.expiresAt) ? null : state.transfer;
}

export function pendingContactChangeRequests(state: OrganizationState): readonly ContactChangeRequest[] {
  return state.status === 'active' ? state.contactChangeRequests.filter((r) => r.status === 'pending') : [];
}
