import { Decision, isViolation, RuleViolation, violation } from '../../shared/decider';
import { normalizeEmail } from '../../shared/types';
import { resolveActing } from '../access';
import {
  ApproveContactChange,
  ChangeContact,
  CustomerContact,
  ContactChangeInvoiceEvidence,
  RejectContactChange,
  RequestContactChange,
} from '../commands';
import { OrganizationEvent } from '../events';
import { ActiveOrganization, OrganizationState } from '../state';

/** Rule 8 leaves the customer this one thing to change itself. */
export function changeContact(command: ChangeContact, state: OrganizationState): Decision<OrganizationEvent> {
  const acting = resolveActing(state, command.actor, command.context.reseller);
  if (isViolation(acting)) return acting;
  const { organization, role } = acting;
  if (role.as === 'managing-reseller') return needsInvoice(organization);
  if (role.as === 'support') {
    return violation('not-permitted', 'Support changes a contact by approving a contact change request, so that the evidence is kept.');
  }
  const contact = normalizeContact(command.contact);
  const previousContact = organization.contacts[command.role];
  if (sameContact(previousContact, contact)) return [];
  return [
    {
      type: 'ContactChanged',
      data: {
        organizationId: organization.organizationId,
        role: command.role,
        contact,
        previousContact,
        changedBy: command.actor,
        requestId: null,
        changedAt: command.now,
      },
    },
  ];
}

/** Rule 9: an end-user contact changes on a reseller's word only with an invoice issued to it. */
export function requestContactChange(command: RequestContactChange, state: OrganizationState): Decision<OrganizationEvent> {
  const acting = resolveActing(state, command.actor, command.context.reseller);
  if (isViolation(acting)) return acting;
  const { organization, role } = acting;
  if (role.as !== 'managing-reseller') return organizationNotManagedBy(organization, role.as);
  const invoice = command.context.invoice;
  if (!invoiceProvesResale(invoice, organization, role.reseller.resellerId)) return needsInvoice(organization);
  if (organization.contactChangeRequests.some((r) => r.requestId === command.requestId)) {
    return violation('contact-change-request-exists', 'A contact change request with this id already exists.');
  }
  return [
    {
      type: 'ContactChangeRequested',
      data: {
        organizationId: organization.organizationId,
        requestId: command.requestId,
        role: command.role,
        contact: normalizeContact(command.contact),
        requestedByResellerId: role.reseller.resellerId,
        invoice,
        requestedAt: command.now,
      },
    },
  ];
}

export function approveContactChange(command: ApproveContactChange, state: OrganizationState): Decision<OrganizationEvent> {
  const found = supportDecision(command.actor.kind, state, command.requestId);
  if (isViolation(found)) return found;
  const { organization, request } = found;
  if (request.status === 'approved') return [];
  if (request.status === 'rejected') {
    return violation('contact-change-already-decided', 'This contact change request was already rejected.');
  }
  return [
    {
      type: 'ContactChanged',
      data: {
        organizationId: organization.organizationId,
        role: request.role,
        contact: request.contact,
        previousContact: organization.contacts[request.role],
        changedBy: command.actor,
        requestId: request.requestId,
        changedAt: command.now,
      },
    },
  ];
}

export function rejectContactChange(command: RejectContactChange, state: OrganizationState): Decision<OrganizationEvent> {
  const found = supportDecision(command.actor.kind, state, command.requestId);
  if (isViolation(found)) return found;
  const { organization, request } = found;
  if (request.status === 'rejected') return [];
  if (request.status === 'approved') {
    return violation('contact-change-already-decided', 'This contact change request was already approved.');
  }
  return [
    {
      type: 'ContactChangeRejected',
      data: {
        organizationId: organization.organizationId,
        requestId: request.requestId,
        reason: command.reason,
        rejectedBy: command.actor,
        rejectedAt: command.now,
      },
    },
  ];
}

function invoiceProvesResale(
  invoice: ContactChangeInvoiceEvidence | null,
  organization: ActiveOrganization,
  resellerId: string,
): invoice is ContactChangeInvoiceEvidence {
  return invoice !== null && invoice.issuedToResellerId === resellerId && invoice.organizationId === organization.organizationId;
}

function supportDecision(actorKind: string, state: OrganizationState, requestId: string) {
  if (actorKind !== 'support') {
    return violation('contact-change-needs-support-approval', 'Only support can decide on a contact change request.');
  }
  const request = state.status === 'active' ? state.contactChangeRequests.find((r) => r.requestId === requestId) : undefined;
  if (state.status !== 'active' || !request) {
    return violation('contact-change-request-not-found', 'There is no such contact change request.');
  }
  return { organization: state, request };
}

function needsInvoice(organization: ActiveOrganization): RuleViolation {
  return violation(
    'contact-change-needs-invoice',
    `To change a contact of ${organization.name}, request it with an invoice of its subscription that was issued to you; support will review it.`,
  );
}

function organizationNotManagedBy(organization: ActiveOrganization, as: string): RuleViolation {
  return as === 'support'
    ? violation('not-permitted', 'Only the managing reseller can request a contact change.')
    : violation('not-permitted', `Change your contacts directly; requests are for ${organization.managingReseller.companyName}.`);
}

function normalizeContact(contact: CustomerContact): CustomerContact {
  return { name: contact.name?.trim() || null, email: normalizeEmail(contact.email) };
}

function sameContact(a: CustomerContact | null, b: CustomerContact): boolean {
  return a !== null && a.email === b.email && a.name === b.name;
}
