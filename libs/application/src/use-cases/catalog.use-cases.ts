import { BillingPeriod, catalogDecider, catalogStream, PlanTier } from '@channel-ledger/domain';
import { CommandEnvelope } from '../pipeline/command-envelope';
import { LedgerContext } from './ledger-context';

export interface PublishPlanInput {
  vendorId: string;
  planId: string;
  product: string;
  tier: PlanTier;
  currency: string;
  prices: Partial<Record<BillingPeriod, string>>;
}

/** A vendor admin acts for the vendor its actor id names (one admin identity per vendor for now). */
export function publishPlan(ctx: LedgerContext, envelope: CommandEnvelope, input: PublishPlanInput) {
  const { actor } = envelope;
  return ctx.pipeline.execute({
    streamId: catalogStream(input.vendorId),
    decider: catalogDecider,
    envelope,
    command: {
      type: 'PublishPlan',
      ...input,
      now: envelope.occurredAt,
      actor,
      context: { actorVendorId: actor.kind === 'vendor-admin' ? actor.id : null },
    },
  });
}
