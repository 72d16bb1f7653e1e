import {
  isViolation,
  issuanceRightDecider,
  issuanceRightStream,
  IssueLicense,
  licenseDecider,
  LicenseState,
  licenseStream,
  normalizeEmail,
} from '@channel-ledger/domain';
import { actingParty, CommandEnvelope, onBehalfOf } from '../pipeline/command-envelope';
import { loadState } from '../pipeline/load-state';
import { RuleViolationError } from '../pipeline/errors';
import { followUp } from './follow-up';
import { LedgerContext } from './ledger-context';

/**
 * Rule 10 needs to know whether an address belongs to ANY registered reseller, not only the
 * one delivering; that takes an index by e-mail address (a read model), never a scan of streams.
 */
export interface ResellerDirectory {
  isResellerAddress(email: string): Promise<boolean>;
}

export interface GrantIssuanceRightInput {
  rightId: string;
  vendorId: string;
  resellerId: string;
  licenseTemplateId: string;
  maxLicenses: number;
  expiresAt: string;
  nfr: boolean;
}

/** The decider refuses a vendorId other than the acting admin's own vendor. */
export async function grantIssuanceRight(ctx: LedgerContext, envelope: CommandEnvelope, input: GrantIssuanceRightInput) {
  return ctx.pipeline.execute({
    streamId: issuanceRightStream(input.rightId),
    decider: issuanceRightDecider,
    envelope,
    command: {
      type: 'GrantIssuanceRight',
      ...input,
      now: envelope.occurredAt,
      actor: actingParty(envelope),
      context: { reseller: await ctx.actingReseller({ kind: 'reseller', id: input.resellerId }) },
    },
  });
}

export function blockIssuanceRight(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { rightId: string; vendorId: string; reason: string },
) {
  return ctx.pipeline.execute({
    streamId: issuanceRightStream(input.rightId),
    decider: issuanceRightDecider,
    envelope,
    command: { type: 'BlockIssuanceRight', ...input, now: envelope.occurredAt, actor: actingParty(envelope) },
  });
}

export function extendIssuanceRight(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { rightId: string; vendorId: string; expiresAt?: string | null; maxLicenses?: number | null },
) {
  return ctx.pipeline.execute({
    streamId: issuanceRightStream(input.rightId),
    decider: issuanceRightDecider,
    envelope,
    command: {
      type: 'ExtendIssuanceRight',
      rightId: input.rightId,
      vendorId: input.vendorId,
      expiresAt: input.expiresAt ?? null,
      maxLicenses: input.maxLicenses ?? null,
      now: envelope.occurredAt,
      actor: actingParty(envelope),
    },
  });
}

/** Every event about a license linked to a customer records that it was done for that customer. */
function forLicensee(envelope: CommandEnvelope, organizationId: string | null): CommandEnvelope {
  return organizationId === null ? envelope : onBehalfOf(envelope, { kind: 'organization', id: organizationId });
}

function linkedOrganization(license: LicenseState): string | null {
  return license.status === 'none' ? null : license.organizationId;
}

/**
 * Rule 12 across two streams: the license is decided first (so a refusal spends no quota),
 * then the right's quota is consumed under its own optimistic concurrency (so concurrent
 * issuances can never exceed N), then the license is recorded. Each step has a command id
 * derived from the request's, so a retry after a crash between steps completes the work
 * without consuming twice.
 */
export async function issueLicense(
  ctx: LedgerContext,
  requested: CommandEnvelope,
  input: { licenseId: string; rightId: string; organizationId: string | null },
) {
  const envelope = forLicensee(requested, input.organizationId);
  const reseller = await ctx.actingReseller(actingParty(envelope));
  const organization = input.organizationId === null ? null : await ctx.organization(input.organizationId);
  const command = async (): Promise<IssueLicense> => ({
    type: 'IssueLicense',
    ...input,
    now: envelope.occurredAt,
    actor: actingParty(envelope),
    context: { reseller, right: await ctx.issuanceRight(input.rightId), organization },
  });

  const license = await loadState(ctx.store, licenseStream(input.licenseId), licenseDecider);
  const dryRun = licenseDecider.decide(await command(), license);
  if (isViolation(dryRun)) throw new RuleViolationError(dryRun);

  await ctx.pipeline.execute({
    streamId: issuanceRightStream(input.rightId),
    decider: issuanceRightDecider,
    envelope: followUp(envelope, 'consume-issuance-right'),
    command: {
      type: 'ConsumeIssuanceRight',
      rightId: input.rightId,
      licenseId: input.licenseId,
      now: envelope.occurredAt,
      actor: actingParty(envelope),
      context: { reseller },
    },
  });
  return ctx.pipeline.execute({
    streamId: licenseStream(input.licenseId),
    decider: licenseDecider,
    envelope,
    command: await command(),
  });
}

/** Rule 10: refused for any registered reseller's address, whoever delivers and whoever bought. */
export async function deliverLicense(
  ctx: LedgerContext,
  directory: ResellerDirectory,
  envelope: CommandEnvelope,
  input: { licenseId: string; recipientEmail: string },
) {
  const actor = actingParty(envelope);
  return ctx.pipeline.execute({
    streamId: licenseStream(input.licenseId),
    decider: licenseDecider,
    envelope: forLicensee(envelope, linkedOrganization(await ctx.license(input.licenseId))),
    command: {
      type: 'DeliverLicense',
      licenseId: input.licenseId,
      toEmail: input.recipientEmail,
      now: envelope.occurredAt,
      actor,
      context: {
        reseller: await ctx.actingReseller(actor),
        recipientIsReseller: await directory.isResellerAddress(normalizeEmail(input.recipientEmail)),
      },
    },
  });
}

/** By the issuing reseller, support, or an admin of the license's vendor (acting as that vendor). */
export async function revokeLicense(ctx: LedgerContext, envelope: CommandEnvelope, input: { licenseId: string; reason: string }) {
  const actor = actingParty(envelope);
  return ctx.pipeline.execute({
    streamId: licenseStream(input.licenseId),
    decider: licenseDecider,
    envelope: forLicensee(envelope, linkedOrganization(await ctx.license(input.licenseId))),
    command: {
      type: 'RevokeLicense',
      licenseId: input.licenseId,
      reason: input.reason,
      now: envelope.occurredAt,
      actor,
      context: { reseller: await ctx.actingReseller(actor), adminOfVendorId: actor.kind === 'vendor-admin' ? actor.id : null },
    },
  });
}
