import { BillingPeriod, planPrice, subscriptionDecider, subscriptionStream } from '@channel-ledger/domain';
import { actingParty, CommandEnvelope } from '../pipeline/command-envelope';
import { LedgerContext } from './ledger-context';
import { orRefuse, required } from './refuse';

export interface PurchaseSubscriptionInput {
  subscriptionId: string;
  invoiceId: string;
  organizationId: string;
  planId: string;
  billingPeriod: BillingPeriod;
  seats: number;
  customerContactEmail: string;
  /** The reseller's default payment method when omitted. */
  paymentMethodId?: string;
}

export async function purchaseSubscription(ctx: LedgerContext, envelope: CommandEnvelope, input: PurchaseSubscriptionInput) {
  const actor = actingParty(envelope);
  const reseller = await ctx.actingReseller(actor);
  const organization = required(
    await ctx.organization(input.organizationId),
    'organization-not-found',
    `No customer organization ${input.organizationId} is visible to you.`,
  );
  const plan = orRefuse(planPrice(await ctx.catalog(organization.vendorId), input.planId, input.billingPeriod));
  const paymentMethod = required(
    actor.kind === 'reseller' ? await ctx.resellerPaymentMethod(actor.id, input.paymentMethodId) : null,
    'payment-method-not-found',
    input.paymentMethodId
      ? `Payment method ${input.paymentMethodId} is not one of yours.`
      : 'Add a payment method (card, PayPal or ACH) before buying.',
  );
  return ctx.pipeline.execute({
    streamId: subscriptionStream(input.subscriptionId),
    decider: subscriptionDecider,
    envelope,
    command: {
      type: 'PurchaseSubscription',
      subscriptionId: input.subscriptionId,
      invoiceId: input.invoiceId,
      seats: input.seats,
      customerContactEmail: input.customerContactEmail,
      now: envelope.occurredAt,
      actor,
      context: {
        reseller,
        organization: {
          organizationId: organization.organizationId,
          vendorId: organization.vendorId,
          name: organization.name,
          managedByResellerId: organization.managedByResellerId,
        },
        plan,
        paymentMethod,
      },
    },
  });
}

export async function addSeats(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { subscriptionId: string; invoiceId: string; seats: number },
) {
  return ctx.pipeline.execute({
    streamId: subscriptionStream(input.subscriptionId),
    decider: subscriptionDecider,
    envelope,
    command: {
      type: 'AddSeats',
      ...input,
      now: envelope.occurredAt,
      actor: actingParty(envelope),
      context: { reseller: await ctx.actingReseller(actingParty(envelope)) },
    },
  });
}

export async function assignSeat(ctx: LedgerContext, envelope: CommandEnvelope, input: { subscriptionId: string; email: string }) {
  return ctx.pipeline.execute({
    streamId: subscriptionStream(input.subscriptionId),
    decider: subscriptionDecider,
    envelope,
    command: {
      type: 'AssignSeat',
      ...input,
      now: envelope.occurredAt,
      actor: actingParty(envelope),
      context: { reseller: await ctx.actingReseller(actingParty(envelope)) },
    },
  });
}
