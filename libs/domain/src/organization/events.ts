import { DomainEvent } from '../shared/decider';
import { Actor, Email, Instant } from '../shared/types';
import { CompanyDetails, CustomerContact, ContactRole, ContactChangeInvoiceEvidence } from './commands';

/** Copied into the organization so a refusal can name whom the customer should contact (rule 8). */
export interface ManagingReseller {
  readonly resellerId: string;
  readonly companyName: string;
  readonly email: Email;
}

export type CustomerOrganizationCreated = DomainEvent<
  'CustomerOrganizationCreated',
  {
    organizationId: string;
    vendorId: string;
    name: string;
    companyDetails: CompanyDetails;
    customerContact: CustomerContact;
    isPublic: boolean;
    customerAssociationEnabled: boolean;
    managingReseller: ManagingReseller;
    createdAt: Instant;
  }
>;

export type CompanyDetailsChanged = DomainEvent<
  'CompanyDetailsChanged',
  { organizationId: string; name: string; companyDetails: CompanyDetails; changedAt: Instant }
>;

export type OrganizationSettingsChanged = DomainEvent<
  'OrganizationSettingsChanged',
  { organizationId: string; isPublic: boolean; customerAssociationEnabled: boolean; changedAt: Instant }
>;

export type OwnershipTransferInitiated = DomainEvent<
  'OwnershipTransferInitiated',
  {
    organizationId: string;
    transferId: string;
    fromResellerId: string;
    toEmail: Email;
    initiatedAt: Instant;
    expiresAt: Instant;
  }
>;

export type OwnershipTransferAccepted = DomainEvent<
  'OwnershipTransferAccepted',
  {
    organizationId: string;
    transferId: string;
    previousOwnerResellerId: string;
    newOwnerEmail: Email;
    acceptedAt: Instant;
  }
>;

/** `expiresAt` is when it lapsed; `recordedAt` is when someone noticed (a sweep or a new initiation). */
export type OwnershipTransferExpired = DomainEvent<
  'OwnershipTransferExpired',
  { organizationId: string; transferId: string; toEmail: Email; expiresAt: Instant; recordedAt: Instant }
>;

export type OwnershipTransferCancelled = DomainEvent<
  'OwnershipTransferCancelled',
  { organizationId: string; transferId: string; toEmail: Email; cancelledByResellerId: string; cancelledAt: Instant }
>;

export type AdministratorInvited = DomainEvent<
  'AdministratorInvited',
  { organizationId: string; invitationId: string; email: Email; invitedBy: Actor; invitedAt: Instant }
>;

export type AdministratorInvitationAccepted = DomainEvent<
  'AdministratorInvitationAccepted',
  { organizationId: string; invitationId: string; email: Email; acceptedAt: Instant }
>;

export type ContactChangeRequested = DomainEvent<
  'ContactChangeRequested',
  {
    organizationId: string;
    requestId: string;
    role: ContactRole;
    contact: CustomerContact;
    requestedByResellerId: string;
    invoice: ContactChangeInvoiceEvidence;
    requestedAt: Instant;
  }
>;

export type ContactChangeRejected = DomainEvent<
  'ContactChangeRejected',
  { organizationId: string; requestId: string; reason: string; rejectedBy: Actor; rejectedAt: Instant }
>;

/** `requestId` is set when support approved a reseller's request, null when the customer changed it. */
export type ContactChanged = DomainEvent<
  'ContactChanged',
  {
    organizationId: string;
    role: ContactRole;
    contact: CustomerContact;
    previousContact: CustomerContact | null;
    changedBy: Actor;
    requestId: string | null;
    changedAt: Instant;
  }
>;

export type OrganizationEvent =
  | CustomerOrganizationCreated
  | CompanyDetailsChanged
  | OrganizationSettingsChanged
  | OwnershipTransferInitiated
  | OwnershipTransferAccepted
  | OwnershipTransferExpired
  | OwnershipTransferCancelled
  | AdministratorInvited
  | AdministratorInvitationAccepted
  | ContactChangeRequested
  | ContactChangeRejected
  | ContactChanged;
