import { BillingPeriod, CatalogCommand, catalogDecider, catalogStream, PlanTier } from '@channel-ledger/domain';
import { actingParty, CommandEnvelope } from '../pipeline/command-envelope';
import { LedgerContext } from './ledger-context';

export interface PublishPlanInput {
  vendorId: string;
  planId: string;
  product: string;
  tier: PlanTier;
  currency: string;
  prices: Partial<Record<BillingPeriod, string>>;
}

/** A catalog command as the caller states it; time, actor and the admin's vendor are added here. */
type CatalogIntent = CatalogCommand extends infer C ? (C extends CatalogCommand ? Omit<C, 'now' | 'actor' | 'context'> : never) : never;
type CatalogChange<T extends CatalogCommand['type']> = Omit<Extract<CatalogIntent, { type: T }>, 'type'>;

/**
 * A vendor admin acts as its vendor (the acting party's id is the vendor id), so the catalog
 * decider compares that with the catalog named in the request: an admin edits only its own.
 */
function executeCatalogCommand(ctx: LedgerContext, envelope: CommandEnvelope, command: CatalogIntent) {
  const actor = actingParty(envelope);
  return ctx.pipeline.execute({
    streamId: catalogStream(command.vendorId),
    decider: catalogDecider,
    envelope,
    command: {
      ...command,
      now: envelope.occurredAt,
      actor,
      context: { actorVendorId: actor.kind === 'vendor-admin' ? actor.id : null },
    },
  });
}

export function publishPlan(ctx: LedgerContext, envelope: CommandEnvelope, input: PublishPlanInput) {
  return executeCatalogCommand(ctx, envelope, { type: 'PublishPlan', ...input });
}

/** Existing subscriptions keep the price they bought at until renewal. */
export function changePlanPrice(ctx: LedgerContext, envelope: CommandEnvelope, input: CatalogChange<'ChangePlanPrice'>) {
  return executeCatalogCommand(ctx, envelope, { type: 'ChangePlanPrice', ...input });
}

export function retirePlan(ctx: LedgerContext, envelope: CommandEnvelope, input: CatalogChange<'RetirePlan'>) {
  return executeCatalogCommand(ctx, envelope, { type: 'RetirePlan', ...input });
}
