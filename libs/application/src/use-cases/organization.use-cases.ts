import { CompanyDetails, ContactRole, CustomerContact, invoiceEvidence, organizationDecider, organizationStream } from '@channel-ledger/domain';
import { CommandEnvelope } from '../pipeline/command-envelope';
import { LedgerContext } from './ledger-context';

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

export async function createCustomerOrganization(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: CreateCustomerOrganizationInput,
) {
  return ctx.pipeline.execute({
    streamId: organizationStream(input.organizationId),
    decider: organizationDecider,
    envelope,
    command: {
      type: 'CreateCustomerOrganization',
      organizationId: input.organizationId,
      vendorId: input.vendorId,
      name: input.name,
      companyDetails: input.companyDetails ?? {},
      customerContactEmail: input.customerContactEmail,
      customerContactName: input.customerContactName ?? null,
      isPublic: input.isPublic ?? false,
      customerAssociationEnabled: input.customerAssociationEnabled ?? false,
      now: envelope.occurredAt,
      actor: envelope.actor,
      context: { reseller: await ctx.actingReseller(envelope.actor) },
    },
  });
}

export async function initiateOwnershipTransfer(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { organizationId: string; transferId: string; toEmail: string },
) {
  return ctx.pipeline.execute({
    streamId: organizationStream(input.organizationId),
    decider: organizationDecider,
    envelope,
    command: {
      type: 'InitiateOwnershipTransfer',
      ...input,
      now: envelope.occurredAt,
      actor: envelope.actor,
      context: { reseller: await ctx.actingReseller(envelope.actor) },
    },
  });
}

/** The customer accepts with the address the transfer was sent to (its signed-in identity). */
export function acceptOwnership(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { organizationId: string; transferId: string; byEmail: string },
) {
  return ctx.pipeline.execute({
    streamId: organizationStream(input.organizationId),
    decider: organizationDecider,
    envelope,
    command: { type: 'AcceptOwnership', ...input, now: envelope.occurredAt, actor: envelope.actor },
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
  const { actor } = envelope;
  const evidence =
    input.invoice && actor.kind === 'reseller'
      ? invoiceEvidence(await ctx.subscription(input.invoice.subscriptionId), input.invoice.invoiceId, actor.id)
      : null;
  return ctx.pipeline.execute({
    streamId: organizationStream(input.organizationId),
    decider: organizationDecider,
    envelope,
    command: {
      type: 'RequestContactChange',
      organizationId: input.organizationId,
      requestId: input.requestId,
      role: input.role,
      contact: input.contact,
      now: envelope.occurredAt,
      actor,
      context: {
        reseller: await ctx.actingReseller(actor),
        invoice: evidence && {
          invoiceId: evidence.invoiceId,
          subscriptionId: evidence.subscriptionId,
          issuedToResellerId: evidence.resellerId,
          organizationId: evidence.organizationId,
        },
      },
    },
  });
}
