import type { OrganizationEvent } from '@channel-ledger/domain';
import type { JsonObject, WriteOperation } from '@channel-ledger/read-store';
import type { ProjectionView } from '../engine/projection';
import { boughtThroughNote } from './bought-through';
import { accessId, CUSTOMER_ACCESS, CUSTOMER_ORGANIZATIONS } from './collections';
import type { CustomerAccess, CustomerOrganization } from './documents';

/**
 * Organization events → `customer_organizations` and `customer_access`. Contact change requests
 * are left out: they are the reseller's dealings with support and carry its invoice evidence.
 */
export async function applyOrganizationEvent(event: OrganizationEvent, view: ProjectionView): Promise<WriteOperation[]> {
  if (event.type === 'CustomerOrganizationCreated') {
    const d = event.data;
    const managingReseller = { resellerId: d.managingReseller.resellerId, companyName: d.managingReseller.companyName };
    const organization: CustomerOrganization = {
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
    return [{ type: 'put', collection: CUSTOMER_ORGANIZATIONS, document: organization }];
  }

  const organization = (await view.get(CUSTOMER_ORGANIZATIONS, event.data.organizationId)) as CustomerOrganization | null;
  if (!organization) return [];
  const id = organization.id;
  const patch = (fields: Partial<CustomerOrganization>): WriteOperation => ({
    type: 'patch',
    collection: CUSTOMER_ORGANIZATIONS,
    id,
    fields: fields as JsonObject,
  });
  const grant = (role: CustomerAccess['role'], email: string): WriteOperation => {
    const access: CustomerAccess = { id: accessId(id, role, email), organizationId: id, email, role };
    return { type: 'put', collection: CUSTOMER_ACCESS, document: access };
  };
  const closeTransfer = (transferId: string): WriteOperation[] =>
    organization.pendingTransfer?.transferId === transferId ? [patch({ pendingTransfer: null })] : [];

  switch (event.type) {
    case 'CompanyDetailsChanged':
      return [patch({ name: event.data.name, companyDetails: plainDetails(event.data.companyDetails) })];
    case 'OrganizationSettingsChanged':
      return []; // visibility to other resellers is not the customer's concern
    case 'OwnershipTransferInitiated': {
      const { transferId, toEmail, expiresAt } = event.data;
      return [patch({ pendingTransfer: { transferId, toEmail, expiresAt } })];
    }
    case 'OwnershipTransferAccepted': {
      const { newOwnerEmail } = event.data;
      const previous = organization.owner;
      const revoke: WriteOperation[] =
        previous.kind === 'customer' ? [{ type: 'delete', collection: CUSTOMER_ACCESS, id: accessId(id, 'owner', previous.email) }] : [];
      return [
        ...revoke,
        patch({ owner: { kind: 'customer', email: newOwnerEmail }, pendingTransfer: null }),
        grant('owner', newOwnerEmail),
      ];
    }
    case 'OwnershipTransferExpired':
    case 'OwnershipTransferCancelled':
      return closeTransfer(event.data.transferId);
    case 'AdministratorInvited': {
      const { invitationId, email, invitedAt } = event.data;
      const others = organization.administrators.filter((a) => a.invitationId !== invitationId);
      return [patch({ administrators: [...others, { invitationId, email, status: 'invited', invitedAt, acceptedAt: null }] })];
    }
    case 'AdministratorInvitationAccepted': {
      // Rule 15: access only once the invitation is accepted.
      const { invitationId, email, acceptedAt } = event.data;
      const administrators = organization.administrators.map((a) =>
        a.invitationId === invitationId ? { ...a, status: 'accepted' as const, acceptedAt } : a,
      );
      return [patch({ administrators }), grant('administrator', email)];
    }
    case 'ContactChanged': {
      const { role, contact } = event.data;
      return [patch({ contacts: { ...organization.contacts, [role]: { name: contact.name, email: contact.email } } })];
    }
    case 'ContactChangeRequested':
    case 'ContactChangeRejected':
      return [];
  }
}

/** Company details are optional strings; absent ones are left out (JSON has no undefined). */
function plainDetails(details: object): { [field: string]: string } {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => typeof value === 'string'));
}
