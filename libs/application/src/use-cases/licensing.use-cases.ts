import {
  isViolation,
  issuanceRightDecider,
  issuanceRightStream,
  IssueLicense,
  licenseDecider,
  licenseStream,
} from '@channel-ledger/domain';
import { CommandEnvelope } from '../pipeline/command-envelope';
import { loadState } from '../pipeline/load-state';
import { RuleViolationError } from '../pipeline/errors';
import { followUp } from './follow-up';
import { LedgerContext } from './ledger-context';

export interface GrantIssuanceRightInput {
  rightId: string;
  vendorId: string;
  resellerId: string;
  licenseTemplateId: string;
  maxLicenses: number;
  expiresAt: string;
  nfr: boolean;
}

export async function grantIssuanceRight(ctx: LedgerContext, envelope: CommandEnvelope, input: GrantIssuanceRightInput) {
  return ctx.pipeline.execute({
    streamId: issuanceRightStream(input.rightId),
    decider: issuanceRightDecider,
    envelope,
    command: {
      type: 'GrantIssuanceRight',
      ...input,
      now: envelope.occurredAt,
      actor: envelope.actor,
      context: { reseller: await ctx.actingReseller({ kind: 'reseller', id: input.resellerId }) },
    },
  });
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
  envelope: CommandEnvelope,
  input: { licenseId: string; rightId: string; organizationId: string | null },
) {
  const reseller = await ctx.actingReseller(envelope.actor);
  const organization = input.organizationId === null ? null : await ctx.organization(input.organizationId);
  const command = async (): Promise<IssueLicense> => ({
    type: 'IssueLicense',
    ...input,
    now: envelope.occurredAt,
    actor: envelope.actor,
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
      actor: envelope.actor,
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
