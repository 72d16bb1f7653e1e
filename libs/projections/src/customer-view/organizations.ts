import type { LedgerEventOf } from '@channel-ledger/domain';
import type { WriteOperation } from '@channel-ledger/read-store';
import type { DocumentEvolution, EventWrites, Recorded } from '../engine/document-projection';
import { boughtThroughNote } from './bought-through';
import { accessId, CUSTOMER_ACCESS, CUSTOMER_ORGANIZATIONS } from './collections';
import type { CustomerAccess, CustomerOrganization } from './documents';

/**
 * What the customer sees happen to its organization. Settings (visibility to other resellers) and
 * contact change requests are left out: they are the reseller's dealings with the vendor and
 * support, and carry its invoice evidence.
 */
type CustomerFacingOrganizationEvent = LedgerEventOf<
  | 'CustomerOrganizationCreated'
  | 'CompanyDetailsChanged'
  | 'OwnershipTransferInitiated'
  | 'OwnershipTransferAccepted'
  | 'OwnershipTransferExpired'
  | 'OwnershipTransferCancelled'
  | 'AdministratorInvited'
  | 'AdministratorInvitationAccepted'
  | 'ContactChanged'
>;

/** Organization events → `customer_organizations`, one per organization. */
export const customerOrganizations: DocumentEvolution<CustomerOrganization, CustomerFacingOrganizationEvent> = {
  collection: CUSTOMER_ORGANIZATIONS,
  handles: [
    'CustomerOrganizationCreated',
    'CompanyDetailsChanged',
    'OwnershipTransferInitiated',
    'OwnershipTransferAccepted',
    'OwnershipTransferExpired',
    'OwnershipTransferCancelled',
    'AdministratorInvited',
    'AdministratorInvitationAccepted',
    'ContactChanged',
  ],
  keyOf: (event) => event.data.organizationId,
  evolve: evolveOrganization,
};

function evolveOrganization(
  organization: CustomerOrganization | null,
  event: Recorded<CustomerFacingOrganizationEvent>,
): CustomerOrganization | null {
  if (event.type === 'CustomerOrganizationCreated') {
    const d = event.data;
    const managingReseller = { resellerId: d.managingReseller.resellerId, companyName: d.managingReseller.companyName };
    return {
      id: d.organizationId,
      organizationId: d.organizationId,
      vendorId: d.vendorId,
      name: d.name,
      companyDetails: plainDetails(d.companyDetails),
      managingReseller,
      boughtThrough: boughtThroughNote(managingReseller),
      // Rule 2: the reseller stays owner until the customer accepts.
      owner: { kind: 'reseller', ...managingReseller },
      pendingTransfer: null,
      contacts: { primary: { name: d.customerContact.name, email: d.customerContact.email }, billing: null, technical: null },
      administrators: [],
      subscriptions: [],
      licenses: [],
      createdAt: d.createdAt,
    };
  }
  if (!organization) return null;
  const change = (fields: Partial<CustomerOrganization>): CustomerOrganization => ({ ...organization, ...fields });
  const closeTransfer = (transferId: string): CustomerOrganization =>
    organization.pendingTransfer?.transferId === transferId ? change({ pendingTransfer: null }) : organization;

  switch (event.type) {
    case 'CompanyDetailsChanged':
      return change({ name: event.data.name, companyDetails: plainDetails(event.data.companyDetails) });
    case 'OwnershipTransferInitiated': {
      const { transferId, toEmail, expiresAt } = event.data;
      return change({ pendingTransfer: { transferId, toEmail, expiresAt } });
    }
    case 'OwnershipTransferAccepted':
      return change({ owner: { kind: 'customer', email: event.data.newOwnerEmail }, pendingTransfer: null });
    case 'OwnershipTransferExpired':
    case 'OwnershipTransferCancelled':
      return closeTransfer(event.data.transferId);
    case 'AdministratorInvited': {
      const { invitationId, email, invitedAt } = event.data;
      const others = organization.administrators.filter((a) => a.invitationId !== invitationId);
      return change({ administrators: [...others, { invitationId, email, status: 'invited', invitedAt, acceptedAt: null }] });
    }
    case 'AdministratorInvitationAccepted': {
      const { invitationId, acceptedAt } = event.data;
      const administrators = organization.administrators.map((a) =>
        a.invitationId === invitationId ? { ...a, status: 'accepted' as const, acceptedAt } : a,
      );
      return change({ administrators });
    }
    case 'ContactChanged': {
      const { role, contact } = event.data;
      return change({ contacts: { ...organization.contacts, [role]: { name: contact.name, email: contact.email } } });
    }
  }
}

/**
 * `customer_access`: who may sign in to see an organization. The owner's access moves with the
 * ownership; an administrator gets it only once the invitation is accepted (rule 15).
 */
export const customerAccess: EventWrites<LedgerEventOf<'OwnershipTransferAccepted' | 'AdministratorInvitationAccepted'>> = {
  handles: ['OwnershipTransferAccepted', 'AdministratorInvitationAccepted'],
  async writes(event, view) {
    const organization = (await view.get(CUSTOMER_ORGANIZATIONS, event.data.organizationId)) as CustomerOrganization | null;
    if (!organization) return [];
    const id = organization.id;
    const grant = (role: CustomerAccess['role'], email: string): WriteOperation => {
      const access: CustomerAccess = { id: accessId(id, role, email), organizationId: id, email, role };
      return { type: 'put', collection: CUSTOMER_ACCESS, document: access };
    };
    if (event.type === 'AdministratorInvitationAccepted') return [grant('administrator', event.data.email)];
    const previous = organization.owner;
    const revoke: WriteOperation[] =
      previous.kind === 'customer' ? [{ type: 'delete', collection: CUSTOMER_ACCESS, id: accessId(id, 'owner', previous.email) }] : [];
    return [...revoke, grant('owner', event.data.newOwnerEmail)];
  },
};

/** Company details are optional strings; absent ones are left out (JSON has no undefined). */
function plainDetails(details: object): { [field: string]: string } {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => typeof value === 'string'));
}
