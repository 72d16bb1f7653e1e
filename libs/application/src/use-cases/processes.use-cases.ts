import {
  autoRenewalTerms,
  canonicalInstant,
  defaultPaymentMethod,
  ExistingSubscription,
  invoiceOwnerAt,
  isAutoRenewing,
  issuanceRightExpiryDecider,
  issuanceRightStream,
  isViolation,
  organizationStream,
  ownershipTransferReminderDecider,
  PaymentMethodFacts,
  planPrice,
  PlanPrice,
  RenewalCharge,
  requireAcceptedPayment,
  RuleViolation,
  subscriptionDecider,
  subscriptionRenewalDecider,
  subscriptionStream,
} from '@channel-ledger/domain';
import { RecordedEvent } from '@channel-ledger/event-store';
import { actingParty, CommandEnvelope, onBehalfOf } from '../pipeline/command-envelope';
import { derivedId } from '../pipeline/derived-id';
import { ChargeResult, PaymentProvider } from '../payments/payment-provider';
import { LedgerContext } from './ledger-context';
import { expireOwnershipTransfer } from './organization.use-cases';

/*
 * The steps the time-driven processes (libs/processes) take when something falls due. Each is
 * sent with the system as actor, the due time as business time (`occurredAt`) and a command id
 * derived from the process, the triggering event and the due time, so a step that runs twice (a
 * crash, a second instance) is answered from the log the second time. Each is harmless when its
 * premise is gone (the offer was accepted, the term was renewed ahead): it records nothing.
 */

/** What a step did: the events it recorded (the original ones when answered from the log). */
export interface StepOutcome {
  events: RecordedEvent[];
  /** False when nothing was appended this time (already done, or nothing to do). */
  appended: boolean;
}

const nothing: StepOutcome = { events: [], appended: false };

/** Rule 3: an ownership offer not accepted within 7 days lapses; the reseller is told by mail. */
export async function lapseOwnershipOffer(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { organizationId: string; transferId: string },
): Promise<StepOutcome> {
  return expireOwnershipTransfer(ctx, envelope, input);
}

/** A day before an offer lapses, the invited customer contact is reminded (once). */
export async function remindOwnershipOffer(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { organizationId: string; transferId: string },
): Promise<StepOutcome> {
  return ctx.pipeline.execute({
    streamId: organizationStream(input.organizationId),
    decider: ownershipTransferReminderDecider,
    envelope: onBehalfOf(envelope, { kind: 'organization', id: input.organizationId }),
    command: { type: 'RemindOwnershipTransfer', ...input, now: envelope.occurredAt, actor: actingParty(envelope) },
  });
}

/** 30 and 7 days before the term ends, the invoice owner is reminded, with what the renewal will cost. */
export async function remindRenewal(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { subscriptionId: string; termEnd: string; daysBefore: number },
): Promise<StepOutcome> {
  const s = await ctx.subscription(input.subscriptionId);
  if (s.status === 'none') return nothing;
  return ctx.pipeline.execute({
    streamId: subscriptionStream(input.subscriptionId),
    decider: subscriptionRenewalDecider,
    envelope: forOrganization(envelope, s),
    command: {
      type: 'RemindRenewal',
      ...input,
      now: envelope.occurredAt,
      actor: actingParty(envelope),
      context: { plan: priceOrNull(await renewalPrice(ctx, s)) },
    },
  });
}

/** Rule 12: a right past its expiry is closed; licenses issued under it keep their own dates. */
export async function closeExpiredIssuanceRight(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { rightId: string },
): Promise<StepOutcome> {
  return ctx.pipeline.execute({
    streamId: issuanceRightStream(input.rightId),
    decider: issuanceRightExpiryDecider,
    envelope,
    command: { type: 'CloseExpiredIssuanceRight', rightId: input.rightId, now: envelope.occurredAt, actor: actingParty(envelope) },
  });
}

export interface TermEndOutcome extends StepOutcome {
  /** What the payment provider answered; null when nothing was charged (no auto-renewal, net terms, already done). */
  charge: ChargeResult | null;
}

/**
 * At term end, and at each dunning retry: a subscription with auto-renewal on is charged to the
 * invoice owner's default payment method for the renewal quote's amount (the catalog price in
 * force, the seats of the latest period) and renewed, or the decline is recorded with the next
 * attempt (the last one lets it lapse); any other subscription expires at its term end.
 *
 * The charge carries the step's command id as idempotency key, and a step already in the log is
 * answered from it before anything is charged.
 */
export async function renewAtTermEnd(
  ctx: LedgerContext,
  payments: PaymentProvider,
  envelope: CommandEnvelope,
  input: { subscriptionId: string; termEnd: string },
): Promise<TermEndOutcome> {
  const streamId = subscriptionStream(input.subscriptionId);
  const history = await ctx.store.readStream(streamId);
  const done = history.filter((e) => e.metadata.commandId === envelope.commandId);
  if (done.length > 0) return { events: done, appended: false, charge: null };

  const s = await ctx.subscription(input.subscriptionId);
  const termEnd = canonicalInstant(input.termEnd);
  if (s.status === 'none' || s.status === 'expired' || s.periods[s.periods.length - 1].periodEnd !== termEnd) {
    return { ...nothing, charge: null };
  }
  const scoped = forOrganization(envelope, s);
  const actor = actingParty(envelope);

  if (!isAutoRenewing(s)) {
    const outcome = await ctx.pipeline.execute({
      streamId,
      decider: subscriptionDecider,
      envelope: scoped,
      command: { type: 'ExpireSubscription', subscriptionId: s.subscriptionId, now: envelope.occurredAt, actor },
    });
    return { ...outcome, charge: null };
  }

  const plan = await renewalPrice(ctx, s);
  const method = await chargedMethod(ctx, s, termEnd);
  let charge: RenewalCharge;
  let answer: ChargeResult | null = null;
  const priced = isViolation(plan) ? plan : autoRenewalTerms(s, plan);
  if (isViolation(priced)) {
    charge = declined(priced);
  } else if (!method) {
    const owner = invoiceOwnerAt(s, termEnd)!.owner;
    charge = {
      status: 'declined',
      code: 'no-payment-method',
      reason: `${owner.name} has no default payment method to charge the renewal to.`,
    };
  } else if (method.facts.kind === 'invoice') {
    const refused = requireAcceptedPayment(method.facts, (plan as PlanPrice).tier);
    charge = refused ? declined(refused) : { status: 'net-terms' };
  } else {
    const owner = invoiceOwnerAt(s, termEnd)!.owner;
    answer = await payments.charge({
      idempotencyKey: envelope.commandId,
      amount: priced.total,
      currency: s.currency,
      paymentMethod: { id: method.facts.id, kind: method.facts.kind, label: method.label },
      payer: { kind: owner.kind, id: owner.id },
      description: `Renewal of ${s.organizationName} (${s.subscriptionId}), ${priced.bounds.periodStart.slice(0, 10)} to ${priced.bounds.periodEnd.slice(0, 10)}`,
    });
    charge =
      answer.status === 'approved'
        ? { status: 'approved', chargeId: answer.chargeId, amount: priced.total, currency: s.currency }
        : { status: 'declined', code: answer.code, reason: answer.reason };
  }

  const outcome = await ctx.pipeline.execute({
    streamId,
    decider: subscriptionRenewalDecider,
    envelope: scoped,
    command: {
      type: 'ChargeRenewal',
      subscriptionId: s.subscriptionId,
      invoiceId: derivedId(`renewal-invoice|${envelope.commandId}`),
      termEnd,
      now: envelope.occurredAt,
      actor,
      context: { plan: priceOrNull(plan), paymentMethod: method?.facts ?? null, charge },
    },
  });
  return { ...outcome, charge: answer };
}

// ---------------------------------------------------------------------------------------------

function forOrganization(envelope: CommandEnvelope, s: ExistingSubscription): CommandEnvelope {
  return onBehalfOf(envelope, { kind: 'organization', id: s.organizationId });
}

/** Today's catalog price of the plan of the latest paid period, in the subscription's billing period. */
async function renewalPrice(ctx: LedgerContext, s: ExistingSubscription): Promise<PlanPrice | RuleViolation> {
  const planId = s.periods[s.periods.length - 1].plan.planId;
  return planPrice(await ctx.catalog(s.vendorId), planId, s.billingPeriod);
}

function priceOrNull(plan: PlanPrice | RuleViolation): PlanPrice | null {
  return isViolation(plan) ? null : plan;
}

function declined(refusal: RuleViolation): RenewalCharge {
  return { status: 'declined', code: refusal.code, reason: refusal.message };
}

/**
 * Seed 004: renewals are charged to the default payment method, of whoever owns the invoices at
 * term end: a reseller's current default (so a reseller fixes a declined renewal by making
 * another card its default before the next retry), or the method a direct subscription was
 * bought with.
 */
async function chargedMethod(
  ctx: LedgerContext,
  s: ExistingSubscription,
  termEnd: string,
): Promise<{ facts: PaymentMethodFacts; label: string | null } | null> {
  const owner = invoiceOwnerAt(s, termEnd)!.owner;
  if (owner.kind !== 'reseller') return { facts: s.paymentMethod, label: null };
  const method = defaultPaymentMethod(await ctx.resellerState(owner.id));
  return method && { facts: { id: method.paymentMethodId, kind: method.kind }, label: method.label };
}
