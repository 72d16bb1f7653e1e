import { Actor, Instant, ResellerFacts } from '../shared/types';

export type ContactRole = 'primary' | 'billing' | 'technical';

export interface CustomerContact {
  readonly name: string | null;
  readonly email: string;
}

/** Free-form company data the reseller keeps for its customer; all optional, all plain strings. */
export interface CompanyDetails {
  readonly legalName?: string;
  readonly addressLine?: string;
  readonly city?: string;
  readonly postalCode?: string;
  readonly country?: string;
  readonly taxId?: string;
}

/** Facts about the acting reseller; null when the actor is not a reseller. */
export interface ActingResellerContext {
  readonly reseller: ResellerFacts | null;
}

/**
 * Proof for rule 9, read by the caller from the subscription's invoices: the invoice was issued to
 * `issuedToResellerId` for `subscriptionId`, a subscription of `organizationId`.
 */
export interface ContactChangeInvoiceEvidence {
  readonly invoiceId: string;
  readonly subscriptionId: string;
  readonly issuedToResellerId: string;
  readonly organizationId: string;
}

interface OrganizationCommandBase {
  readonly organizationId: string;
  readonly now: Instant;
  readonly actor: Actor;
}

export interface CreateCustomerOrganization extends OrganizationCommandBase {
  readonly type: 'CreateCustomerOrganization';
  /** Rule 13: a customer organization belongs to exactly one vendor. */
  readonly vendorId: string;
  readonly name: string;
  readonly companyDetails: CompanyDetails;
  /** Rule 2: the purchase "for someone else" names the customer's own contact address. */
  readonly customerContactEmail: string;
  readonly customerContactName?: string | null;
  readonly isPublic: boolean;
  readonly customerAssociationEnabled: boolean;
  readonly context: ActingResellerContext;
}

export interface ChangeCompanyDetails extends OrganizationCommandBase {
  readonly type: 'ChangeCompanyDetails';
  readonly name: string;
  readonly companyDetails: CompanyDetails;
  readonly context: ActingResellerContext;
}

/** Omitted settings keep their current value. */
export interface ChangeOrganizationSettings extends OrganizationCommandBase {
  readonly type: 'ChangeOrganizationSettings';
  readonly isPublic?: boolean;
  readonly customerAssociationEnabled?: boolean;
  readonly context: ActingResellerContext;
}

export interface InitiateOwnershipTransfer extends OrganizationCommandBase {
  readonly type: 'InitiateOwnershipTransfer';
  readonly transferId: string;
  readonly toEmail: string;
  readonly context: ActingResellerContext;
}

export interface AcceptOwnership extends OrganizationCommandBase {
  readonly type: 'AcceptOwnership';
  readonly transferId: string;
  /** The address the customer proved it controls (signed in with it). */
  readonly byEmail: string;
}

/** Sent by a sweeper; harmless to repeat. */
export interface ExpireOwnershipTransfer extends OrganizationCommandBase {
  readonly type: 'ExpireOwnershipTransfer';
  readonly transferId?: string;
}

export interface CancelOwnershipTransfer extends OrganizationCommandBase {
  readonly type: 'CancelOwnershipTransfer';
  readonly transferId: string;
  readonly context: ActingResellerContext;
}

export interface InviteAdministrator extends OrganizationCommandBase {
  readonly type: 'InviteAdministrator';
  readonly invitationId: string;
  readonly email: string;
  readonly context: ActingResellerContext;
}

export interface AcceptAdministratorInvitation extends OrganizationCommandBase {
  readonly type: 'AcceptAdministratorInvitation';
  readonly invitationId: string;
  readonly byEmail: string;
}

/** The customer (owner or administrator) changes one of its own contacts. */
export interface ChangeContact extends OrganizationCommandBase {
  readonly type: 'ChangeContact';
  readonly role: ContactRole;
  readonly contact: CustomerContact;
  readonly context: ActingResellerContext;
}

/** Rule 9: a reseller may only ask, with an invoice of this organization issued to it. */
export interface RequestContactChange extends OrganizationCommandBase {
  readonly type: 'RequestContactChange';
  readonly requestId: string;
  readonly role: ContactRole;
  readonly contact: CustomerContact;
  readonly context: ActingResellerContext & { readonly invoice: ContactChangeInvoiceEvidence | null };
}

export interface ApproveContactChange extends OrganizationCommandBase {
  readonly type: 'ApproveContactChange';
  readonly requestId: string;
}

export interface RejectContactChange extends OrganizationCommandBase {
  readonly type: 'RejectContactChange';
  readonly requestId: string;
  readonly reason: string;
}

export type OrganizationCommand =
  | CreateCustomerOrganization
  | ChangeCompanyDetails
  | ChangeOrganizationSettings
  | InitiateOwnershipTransfer
  | AcceptOwnership
  | ExpireOwnershipTransfer
  | CancelOwnershipTransfer
  | InviteAdministrator
  | AcceptAdministratorInvitation
  | ChangeContact
  | RequestContactChange
  | ApproveContactChange
  | RejectContactChange;
