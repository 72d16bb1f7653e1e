import {
  CompanyDetails,
  ContactRole,
  CustomerContact,
  invoiceEvidence,
  OrganizationCommand,
  organizationDecider,
  organizationStream,
} from '@channel-ledger/domain';
import { actingParty, CommandEnvelope, onBehalfOf } from '../pipeline/command-envelope';
import { LedgerContext } from './ledger-context';

/**
 * A reseller working on its customer's organization, or support deciding on it, acts for that
 * organization: every event says so. The customer's own people act for themselves.
 */
function forOrganization(envelope: CommandEnvelope, organizationId: string): CommandEnvelope {
  const kind = actingParty(envelope).kind;
  return kind === 'reseller' || kind === 'support' ? onBehalfOf(envelope, { kind: 'organization', id: organizationId }) : envelope;
}

function execute(ctx: LedgerContext, envelope: CommandEnvelope, command: OrganizationCommand) {
  return ctx.pipeline.execute({
    streamId: organizationStream(command.organizationId),
    decider: organizationDecider,
    envelope: forOrganization(envelope, command.organizationId),
    command,
  });
}

/** The fields every organization command takes from its envelope. */
function basics(envelope: CommandEnvelope, organizationId: string) {
  return { organizationId, now: envelope.occurredAt, actor: actingParty(envelope) };
}

async function resellerContext(ctx: LedgerContext, envelope: CommandEnvelope) {
  return { reseller: await ctx.actingReseller(actingParty(envelope)) };
}

export interface CreateCustomerOrganizationInput {
  organizationId: string;
  vendorId: string;
  name: string;
  companyDetails?: CompanyDetails;
  customerContactEmail: string;
  customerContactName?: string | null;
  isPublic?: boolean;
  customerAssociationEnabled?: boolean;
}

export async function createCustomerOrganization(ctx: LedgerContext, envelope: CommandEnvelope, input: CreateCustomerOrganizationInput) {
  return execute(ctx, envelope, {
    type: 'CreateCustomerOrganization',
    ...basics(envelope, input.organizationId),
    vendorId: input.vendorId,
    name: input.name,
    companyDetails: input.companyDetails ?? {},
    customerContactEmail: input.customerContactEmail,
    customerContactName: input.customerContactName ?? null,
    isPublic: input.isPublic ?? false,
    customerAssociationEnabled: input.customerAssociationEnabled ?? false,
    context: await resellerContext(ctx, envelope),
  });
}

export async function changeCompanyDetails(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { organizationId: string; name: string; companyDetails: CompanyDetails },
) {
  return execute(ctx, envelope, {
    type: 'ChangeCompanyDetails',
    ...basics(envelope, input.organizationId),
    name: input.name,
    companyDetails: input.companyDetails,
    context: await resellerContext(ctx, envelope),
  });
}

/** Rule 13's visibility ("public" for the vendor's other resellers) and customer association; omitted ones stay. */
export async function changeOrganizationSettings(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { organizationId: string; isPublic?: boolean; customerAssociationEnabled?: boolean },
) {
  return execute(ctx, envelope, {
    type: 'ChangeOrganizationSettings',
    ...basics(envelope, input.organizationId),
    isPublic: input.isPublic,
    customerAssociationEnabled: input.customerAssociationEnabled,
    context: await resellerContext(ctx, envelope),
  });
}

/** Rule 3: also how a lapsed offer is sent again (the decider records the lapse first). */
export async function initiateOwnershipTransfer(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { organizationId: string; transferId: string; toEmail: string },
) {
  return execute(ctx, envelope, {
    type: 'InitiateOwnershipTransfer',
    ...basics(envelope, input.organizationId),
    transferId: input.transferId,
    toEmail: input.toEmail,
    context: await resellerContext(ctx, envelope),
  });
}

export async function cancelOwnershipTransfer(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { organizationId: string; transferId: string },
) {
  return execute(ctx, envelope, {
    type: 'CancelOwnershipTransfer',
    ...basics(envelope, input.organizationId),
    transferId: input.transferId,
    context: await resellerContext(ctx, envelope),
  });
}

/** The customer accepts with the address the transfer was sent to (its signed-in identity). */
export function acceptOwnership(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { organizationId: string; transferId: string; byEmail: string },
) {
  return execute(ctx, envelope, {
    type: 'AcceptOwnership',
    ...basics(envelope, input.organizationId),
    transferId: input.transferId,
    byEmail: input.byEmail,
  });
}

/** For a sweeper following the log: records a lapse that has happened; harmless to repeat. */
export function expireOwnershipTransfer(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { organizationId: string; transferId?: string },
) {
  return execute(ctx, envelope, {
    type: 'ExpireOwnershipTransfer',
    ...basics(envelope, input.organizationId),
    transferId: input.transferId,
  });
}

/** Rule 15: the invitee must accept; the decider says who may invite. */
export async function inviteAdministrator(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { organizationId: string; invitationId: string; email: string },
) {
  return execute(ctx, envelope, {
    type: 'InviteAdministrator',
    ...basics(envelope, input.organizationId),
    invitationId: input.invitationId,
    email: input.email,
    context: await resellerContext(ctx, envelope),
  });
}

export function acceptAdministratorInvitation(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { organizationId: string; invitationId: string; byEmail: string },
) {
  return execute(ctx, envelope, {
    type: 'AcceptAdministratorInvitation',
    ...basics(envelope, input.organizationId),
    invitationId: input.invitationId,
    byEmail: input.byEmail,
  });
}

/** Rule 8 leaves the customer its own contacts; a reseller is pointed to a request with evidence (rule 9). */
export async function changeContact(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { organizationId: string; role: ContactRole; contact: CustomerContact },
) {
  return execute(ctx, envelope, {
    type: 'ChangeContact',
    ...basics(envelope, input.organizationId),
    role: input.role,
    contact: input.contact,
    context: await resellerContext(ctx, envelope),
  });
}

export interface RequestContactChangeInput {
  organizationId: string;
  requestId: string;
  role: ContactRole;
  contact: CustomerContact;
  /** The invoice the reseller attaches as evidence (rule 9). */
  invoice: { subscriptionId: string; invoiceId: string } | null;
}

/**
 * Rule 9: the attached invoice counts only if the subscription's own history shows it was
 * issued to the asking reseller; anything else reaches the decider as "no evidence".
 */
export async function requestContactChange(ctx: LedgerContext, envelope: CommandEnvelope, input: RequestContactChangeInput) {
  const actor = actingParty(envelope);
  const evidence =
    input.invoice && actor.kind === 'reseller'
      ? invoiceEvidence(await ctx.subscription(input.invoice.subscriptionId), input.invoice.invoiceId, actor.id)
      : null;
  return execute(ctx, envelope, {
    type: 'RequestContactChange',
    ...basics(envelope, input.organizationId),
    requestId: input.requestId,
    role: input.role,
    contact: input.contact,
    context: {
      reseller: await ctx.actingReseller(actor),
      invoice: evidence && {
        invoiceId: evidence.invoiceId,
        subscriptionId: evidence.subscriptionId,
        issuedToResellerId: evidence.resellerId,
        organizationId: evidence.organizationId,
      },
    },
  });
}

/** Support's decision on a reseller's request; only support may make it (the decider checks). */
export function approveContactChange(ctx: LedgerContext, envelope: CommandEnvelope, input: { organizationId: string; requestId: string }) {
  return execute(ctx, envelope, {
    type: 'ApproveContactChange',
    ...basics(envelope, input.organizationId),
    requestId: input.requestId,
  });
}

export function rejectContactChange(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { organizationId: string; requestId: string; reason: string },
) {
  return execute(ctx, envelope, {
    type: 'RejectContactChange',
    ...basics(envelope, input.organizationId),
    requestId: input.requestId,
    reason: input.reason,
  });
}
