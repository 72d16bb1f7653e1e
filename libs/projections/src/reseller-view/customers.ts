import { canonicalInstant, type OrganizationEvent } from '@channel-ledger/domain';
import type { DocumentEvolution, Recorded } from '../engine/document-projection';
import { RESELLER_CUSTOMERS } from './collections';
import { customerNameKey } from './name-key';
import type { ContactChangeRequestView, ResellerCustomer, TransferOutcome } from './documents';

/** Organization events → `reseller_customers`, one per organization. */
export const resellerCustomers: DocumentEvolution<ResellerCustomer, OrganizationEvent> = {
  collection: RESELLER_CUSTOMERS,
  handles: [
    'CustomerOrganizationCreated',
    'CompanyDetailsChanged',
    'OrganizationSettingsChanged',
    'OwnershipTransferInitiated',
    'OwnershipTransferAccepted',
    'OwnershipTransferExpired',
    'OwnershipTransferCancelled',
    'AdministratorInvited',
    'AdministratorInvitationAccepted',
    'ContactChangeRequested',
    'ContactChangeRejected',
    'ContactChanged',
  ],
  keyOf: (event) => event.data.organizationId,
  evolve: evolveCustomer,
};

function evolveCustomer(customer: ResellerCustomer | null, event: Recorded<OrganizationEvent>): ResellerCustomer | null {
  if (event.type === 'CustomerOrganizationCreated') {
    const d = event.data;
    return {
      id: d.organizationId,
      organizationId: d.organizationId,
      resellerId: d.managingReseller.resellerId,
      vendorId: d.vendorId,
      name: d.name,
      nameKey: customerNameKey(d.name),
      companyDetails: plainDetails(d.companyDetails),
      isPublic: d.isPublic,
      customerAssociationEnabled: d.customerAssociationEnabled,
      owner: { kind: 'reseller', resellerId: d.managingReseller.resellerId },
      ownership: 'reseller',
      pendingTransfer: null,
      transferExpiresAt: null,
      lastTransfer: null,
      contacts: { primary: { name: d.customerContact.name, email: d.customerContact.email }, billing: null, technical: null },
      admins: [],
      contactChangeRequests: [],
      createdAt: d.createdAt,
    };
  }
  if (!customer) return null; // an event of an organization this view never saw created writes nothing
  const change = (fields: Partial<ResellerCustomer>): ResellerCustomer => ({ ...customer, ...fields });
  const endTransfer = (transferId: string, outcome: TransferOutcome): ResellerCustomer =>
    // A late sweep of an older transfer must not clear a newer one.
    customer.pendingTransfer?.transferId === transferId
      ? change({ pendingTransfer: null, transferExpiresAt: null, lastTransfer: outcome })
      : customer;

  switch (event.type) {
    case 'CompanyDetailsChanged':
      return change({
        name: event.data.name,
        nameKey: customerNameKey(event.data.name),
        companyDetails: plainDetails(event.data.companyDetails),
      });
    case 'OrganizationSettingsChanged':
      return change({ isPublic: event.data.isPublic, customerAssociationEnabled: event.data.customerAssociationEnabled });
    case 'OwnershipTransferInitiated': {
      const { transferId, toEmail, initiatedAt, expiresAt } = event.data;
      return change({ pendingTransfer: { transferId, toEmail, initiatedAt, expiresAt }, transferExpiresAt: canonicalInstant(expiresAt) });
    }
    case 'OwnershipTransferAccepted': {
      const { transferId, newOwnerEmail, acceptedAt } = event.data;
      return change({
        owner: { kind: 'customer', email: newOwnerEmail },
        ownership: 'customer',
        pendingTransfer: null,
        transferExpiresAt: null,
        lastTransfer: { transferId, toEmail: newOwnerEmail, outcome: 'accepted', at: acceptedAt },
      });
    }
    case 'OwnershipTransferExpired': {
      const { transferId, toEmail, expiresAt } = event.data;
      // It lapsed at expiresAt, whenever the sweep noticed.
      return endTransfer(transferId, { transferId, toEmail, outcome: 'expired', at: expiresAt });
    }
    case 'OwnershipTransferCancelled': {
      const { transferId, toEmail, cancelledAt } = event.data;
      return endTransfer(transferId, { transferId, toEmail, outcome: 'cancelled', at: cancelledAt });
    }
    case 'AdministratorInvited': {
      const { invitationId, email, invitedAt } = event.data;
      const others = customer.admins.filter((a) => a.invitationId !== invitationId);
      return change({ admins: [...others, { invitationId, email, status: 'invited', invitedAt, acceptedAt: null }] });
    }
    case 'AdministratorInvitationAccepted': {
      const { invitationId, acceptedAt } = event.data;
      return change({
        admins: customer.admins.map((a) => (a.invitationId === invitationId ? { ...a, status: 'accepted', acceptedAt } : a)),
      });
    }
    case 'ContactChangeRequested': {
      const { requestId, role, contact, requestedAt } = event.data;
      const request: ContactChangeRequestView = {
        requestId,
        role,
        contact: { name: contact.name, email: contact.email },
        status: 'pending',
        requestedAt,
        decidedAt: null,
        rejectionReason: null,
      };
      return change({ contactChangeRequests: [...customer.contactChangeRequests.filter((r) => r.requestId !== requestId), request] });
    }
    case 'ContactChangeRejected': {
      const { requestId, reason, rejectedAt } = event.data;
      return change({
        contactChangeRequests: customer.contactChangeRequests.map((r) =>
          r.requestId === requestId ? { ...r, status: 'rejected', decidedAt: rejectedAt, rejectionReason: reason } : r,
        ),
      });
    }
    case 'ContactChanged': {
      const { role, contact, requestId, changedAt } = event.data;
      return change({
        contacts: { ...customer.contacts, [role]: { name: contact.name, email: contact.email } },
        contactChangeRequests: customer.contactChangeRequests.map((r) =>
          r.requestId === requestId ? { ...r, status: 'approved', decidedAt: changedAt } : r,
        ),
      });
    }
  }
}

/** Company details are optional strings; absent ones are left out (JSON has no undefined). */
export function plainDetails(details: object): { [field: string]: string } {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => typeof value === 'string'));
}
