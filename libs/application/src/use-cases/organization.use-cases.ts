import { CompanyDetails, organizationDecider, organizationStream } from '@channel-ledger/domain';
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
