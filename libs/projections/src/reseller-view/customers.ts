import { canonicalInstant, type OrganizationEvent } from '@channel-ledger/domain';
import type { JsonObject, WriteOperation } from '@channel-ledger/read-store';
import type { ProjectionView } from '../engine/projection';
import { RESELLER_CUSTOMERS } from './collections';
import { customerNameKey } from './name-key';
import type { ContactChangeRequestView, ResellerCustomer, TransferOutcome } from './documents';

/** Organization events → `reseller_customers`. Events for an unknown organization write nothing. */
export async function applyOrganizationEvent(event: OrganizationEvent, view: ProjectionView): Promise<WriteOperation[]> {
  if (event.type === 'CustomerOrganizationCreated') {
    const d = event.data;
    const customer: ResellerCustomer = {
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
    return [{ type: 'put', collection: RESELLER_CUSTOMERS, document: customer }];
  }

  const customer = (await view.get(RESELLER_CUSTOMERS, event.data.organizationId)) as ResellerCustomer | null;
  if (!customer) return [];
  const patch = (fields: Partial<ResellerCustomer>): WriteOperation[] => [
    { type: 'patch', collection: RESELLER_CUSTOMERS, id: customer.id, fields: fields as JsonObject },
  ];
  const endTransfer = (transferId: string, outcome: TransferOutcome): WriteOperation[] =>
    // A late sweep of an older transfer must not clear a newer one.
    customer.pendingTransfer?.transferId === transferId
      ? patch({ pendingTransfer: null, transferExpiresAt: null, lastTransfer: outcome })
      : [];

  switch (event.type) {
    case 'CompanyDetailsChanged':
      return patch({
        name: event.data.name,
        nameKey: customerNameKey(event.data.name),
        companyDetails: plainDetails(event.data.companyDetails),
      });
    case 'OrganizationSettingsChanged':
      return patch({ isPublic: event.data.isPublic, customerAssociationEnabled: event.data.customerAssociationEnabled });
    case 'OwnershipTransferInitiated': {
      const { transferId, toEmail, initiatedAt, expiresAt } = event.data;
      return patch({ pendingTransfer: { transferId, toEmail, initiatedAt, expiresAt }, transferExpiresAt: canonicalInstant(expiresAt) });
    }
    case 'OwnershipTransferAccepted': {
      const { transferId, newOwnerEmail, acceptedAt } = event.data;
      return patch({
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
      return patch({ admins: [...others, { invitationId, email, status: 'invited', invitedAt, acceptedAt: null }] });
    }
    case 'AdministratorInvitationAccepted': {
      const { invitationId, acceptedAt } = event.data;
      return patch({
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
      return patch({ contactChangeRequests: [...customer.contactChangeRequests.filter((r) => r.requestId !== requestId), request] });
    }
    case 'ContactChangeRejected': {
      const { requestId, reason, rejectedAt } = event.data;
      return patch({
        contactChangeRequests: customer.contactChangeRequests.map((r) =>
          r.requestId === requestId ? { ...r, status: 'rejected', decidedAt: rejectedAt, rejectionReason: reason } : r,
        ),
      });
    }
    case 'ContactChanged': {
      const { role, contact, requestId, changedAt } = event.data;
      return patch({
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
