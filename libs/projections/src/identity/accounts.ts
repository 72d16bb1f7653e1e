import { normalizeEmail, type LedgerEventOf } from '@channel-ledger/domain';
import type { DocumentEvolution, Recorded } from '../engine/document-projection';
import { emailLookupOf } from '../email-lookup';
import { IDENTITY_ACCOUNTS } from './collections';
import type { AccountMembership, IdentityAccount } from './documents';

/** Every event that names an address that may have to sign in: resellers, customer contacts, invitees, owners, staff. */
type AccountEvent = LedgerEventOf<
  | 'ResellerRegistered'
  | 'CustomerOrganizationCreated'
  | 'OwnershipTransferInitiated'
  | 'AdministratorInvited'
  | 'ContactChanged'
  | 'StaffAccountGranted'
  | 'StaffAccountRevoked'
>;

/** The address an event names and the membership it grants (or, for a revocation, takes away). */
function membershipOf(event: Recorded<AccountEvent>): { email: string; membership: AccountMembership } {
  const customer = (email: string) => ({ email, membership: { role: 'customer' as const, tenantId: normalizeEmail(email) } });
  switch (event.type) {
    case 'ResellerRegistered':
      return { email: event.data.email, membership: { role: 'reseller', tenantId: event.data.resellerId } };
    case 'CustomerOrganizationCreated':
      return customer(event.data.customerContact.email);
    case 'OwnershipTransferInitiated':
      return customer(event.data.toEmail);
    case 'AdministratorInvited':
      return customer(event.data.email);
    case 'ContactChanged':
      return customer(event.data.contact.email);
    case 'StaffAccountGranted':
    case 'StaffAccountRevoked':
      return { email: event.data.email, membership: { role: event.data.role, tenantId: event.data.vendorId } };
  }
}

const sameMembership = (a: AccountMembership, b: AccountMembership) => a.role === b.role && a.tenantId === b.tenantId;

/** `identity_accounts`: the roles one address may sign in as, keyed by the address's keyed hash. */
export const identityAccounts: DocumentEvolution<IdentityAccount, AccountEvent> = {
  collection: IDENTITY_ACCOUNTS,
  handles: [
    'ResellerRegistered',
    'CustomerOrganizationCreated',
    'OwnershipTransferInitiated',
    'AdministratorInvited',
    'ContactChanged',
    'StaffAccountGranted',
    'StaffAccountRevoked',
  ],
  // An erased address signs in as nobody.
  keyOf: (event) => emailLookupOf(membershipOf(event).email),
  evolve(account, event, id) {
    const { membership } = membershipOf(event);
    const memberships = account?.memberships ?? [];
    if (event.type === 'StaffAccountRevoked') {
      return account && { ...account, memberships: memberships.filter((m) => !sameMembership(m, membership)) };
    }
    if (memberships.some((m) => sameMembership(m, membership))) return account;
    return { id, memberships: [...memberships, membership] };
  },
};
