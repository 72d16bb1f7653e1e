import { Email, Instant } from '../shared/types';
import { CompanyDetails, ContactRole, CustomerContact, ContactChangeInvoiceEvidence } from './commands';
import { ManagingReseller } from './events';
import type { OrganizationStreamEvent } from './reminders/ownership-transfer-reminder';

/** Rule 2: the reseller owns the organization until the customer accepts ownership. */
export type OrganizationOwner =
  { readonly kind: 'reseller'; readonly resellerId: string } | { readonly kind: 'customer'; readonly email: Email };

/** Expired/cancelled/accepted transfers leave no trace here; the history keeps them. */
export type OwnershipTransferState =
  | { readonly status: 'none' }
  | {
      readonly status: 'pending';
      readonly transferId: string;
      readonly toEmail: Email;
      readonly initiatedAt: Instant;
      readonly expiresAt: Instant;
      /** Set once the invited contact was reminded that the offer is about to lapse. */
      readonly remindedAt?: Instant;
    };

export interface AdministratorInvitation {
  readonly invitationId: string;
  readonly email: Email;
  readonly status: 'pending' | 'accepted';
}

export interface ContactChangeRequest {
  readonly requestId: string;
  readonly role: ContactRole;
  readonly contact: CustomerContact;
  readonly requestedByResellerId: string;
  readonly invoice: ContactChangeInvoiceEvidence;
  readonly status: 'pending' | 'approved' | 'rejected';
}

export type OrganizationContacts = Readonly<Record<ContactRole, CustomerContact | null>>;

export type OrganizationState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active';
      readonly organizationId: string;
      readonly vendorId: string;
      readonly name: string;
      readonly companyDetails: CompanyDetails;
      readonly isPublic: boolean;
      readonly customerAssociationEnabled: boolean;
      readonly managingReseller: ManagingReseller;
      readonly owner: OrganizationOwner;
      readonly transfer: OwnershipTransferState;
      /** The last offer that lapsed, so its invitee is told it expired rather than that it never was. */
      readonly lapsedTransfer?: { readonly transferId: string; readonly toEmail: Email; readonly expiresAt: Instant };
      readonly invitations: readonly AdministratorInvitation[];
      readonly contacts: OrganizationContacts;
      readonly contactChangeRequests: readonly ContactChangeRequest[];
      readonly createdAt: Instant;
    };

export type PendingOwnershipTransfer = Extract<OwnershipTransferState, { status: 'pending' }>;

export type ActiveOrganization = Extract<OrganizationState, { status: 'active' }>;

export const initialOrganizationState: OrganizationState = { status: 'none' };

const noTransfer: OwnershipTransferState = { status: 'none' };

/** Folds every event of an organization stream, the processes' reminders included. */
export function evolveOrganization(state: OrganizationState, event: OrganizationStreamEvent): OrganizationState {
  if (event.type === 'CustomerOrganizationCreated') {
    const d = event.data;
    return {
      status: 'active',
      organizationId: d.organizationId,
      vendorId: d.vendorId,
      name: d.name,
      companyDetails: d.companyDetails,
      isPublic: d.isPublic,
      customerAssociationEnabled: d.customerAssociationEnabled,
      managingReseller: d.managingReseller,
      owner: { kind: 'reseller', resellerId: d.managingReseller.resellerId },
      transfer: noTransfer,
      invitations: [],
      contacts: { primary: d.customerContact, billing: null, technical: null },
      contactChangeRequests: [],
      createdAt: d.createdAt,
    };
  }
  if (state.status !== 'active') return state;
  return evolveActive(state, event);
}

function evolveActive(state: ActiveOrganization, event: OrganizationStreamEvent): OrganizationState {
  switch (event.type) {
    case 'CustomerOrganizationCreated':
      return state;
    case 'CompanyDetailsChanged':
      return { ...state, name: event.data.name, companyDetails: event.data.companyDetails };
    case 'OrganizationSettingsChanged':
      return {
        ...state,
        isPublic: event.data.isPublic,
        customerAssociationEnabled: event.data.customerAssociationEnabled,
      };
    case 'OwnershipTransferInitiated': {
      const { transferId, toEmail, initiatedAt, expiresAt } = event.data;
      return { ...state, transfer: { status: 'pending', transferId, toEmail, initiatedAt, expiresAt } };
    }
    case 'OwnershipTransferAccepted':
      return { ...state, owner: { kind: 'customer', email: event.data.newOwnerEmail }, transfer: noTransfer };
    case 'OwnershipTransferExpired': {
      const { transferId, toEmail, expiresAt } = event.data;
      return state.transfer.status === 'pending' && state.transfer.transferId === transferId
        ? { ...state, transfer: noTransfer, lapsedTransfer: { transferId, toEmail, expiresAt } }
        : state;
    }
    case 'OwnershipTransferCancelled':
      return state.transfer.status === 'pending' && state.transfer.transferId === event.data.transferId
        ? { ...state, transfer: noTransfer }
        : state;
    case 'AdministratorInvited': {
      const { invitationId, email } = event.data;
      return { ...state, invitations: [...state.invitations, { invitationId, email, status: 'pending' }] };
    }
    case 'AdministratorInvitationAccepted':
      return {
        ...state,
        invitations: state.invitations.map((i) => (i.invitationId === event.data.invitationId ? { ...i, status: 'accepted' } : i)),
      };
    case 'ContactChangeRequested': {
      const { requestId, role, contact, requestedByResellerId, invoice } = event.data;
      return {
        ...state,
        contactChangeRequests: [
          ...state.contactChangeRequests,
          { requestId, role, contact, requestedByResellerId, invoice, status: 'pending' },
        ],
      };
    }
    case 'ContactChangeRejected':
      return { ...state, contactChangeRequests: settle(state.contactChangeRequests, event.data.requestId, 'rejected') };
    case 'ContactChanged': {
      const requests =
        event.data.requestId === null ? state.contactChangeRequests : settle(state.contactChangeRequests, event.data.requestId, 'approved');
      return {
        ...state,
        contacts: { ...state.contacts, [event.data.role]: event.data.contact },
        contactChangeRequests: requests,
      };
    }
    case 'OwnershipTransferReminded':
      return state.transfer.status === 'pending' && state.transfer.transferId === event.data.transferId
        ? { ...state, transfer: { ...state.transfer, remindedAt: event.data.remindedAt } }
        : state;
    default:
      // An event type this version does not know changes nothing it decides on.
      return state;
  }
}

function settle(
  requests: readonly ContactChangeRequest[],
  requestId: string,
  status: ContactChangeRequest['status'],
): readonly ContactChangeRequest[] {
  return requests.map((r) => (r.requestId === requestId ? { ...r, status } : r));
}
