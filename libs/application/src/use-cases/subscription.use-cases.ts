import {
  Actor,
  BillingPeriod,
  CustomerOrganizationFacts,
  decideInvoiceRequest,
  ExistingSubscription,
  isViolation,
  OrganizationFacts,
  openOwnershipTransfer,
  PaymentMethodFacts,
  PaymentMethodKind,
  planPrice,
  PlanPrice,
  predecessorFacts,
  quoteRenewal,
  quoteUpgrade,
  requireOwnerOrSupport,
  requireVerifiedReseller,
  resellerFacts,
  resolveActing,
  SubscriptionCommand,
  subscriptionDecider,
  subscriptionRenewalDecider,
  SubscriptionState,
  subscriptionStream,
  violation,
} from '@channel-ledger/domain';
import { actingParty, CommandEnvelope, onBehalfOf } from '../pipeline/command-envelope';
import { RuleViolationError } from '../pipeline/errors';
import { followUp } from './follow-up';
import { LedgerContext } from './ledger-context';
import { initiateOwnershipTransfer } from './organization.use-cases';
import { orRefuse, required } from './refuse';

/*
 * Every command on a subscription is recorded on behalf of the customer organization it belongs
 * to (the reseller buys for it, support decides for it). Before any other fact is loaded the
 * caller must pass the subscription's widest door (owner or support), so a plan or payment
 * refusal never tells another reseller that a subscription exists.
 */

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
  // Rule 1 comes first: an unverified reseller hears that, not that it lacks a card.
  if (actor.kind === 'reseller') orRefuse(requireVerifiedReseller(reseller));
  const organization = required(
    visibleOrganization(await ctx.organization(input.organizationId), actor),
    'organization-not-found',
    `No customer organization ${input.organizationId} is visible to you.`,
  );
  const plan = orRefuse(planPrice(await ctx.catalog(organization.vendorId), input.planId, input.billingPeriod));
  const paymentMethod = actor.kind === 'reseller' ? await resellerPaymentMethod(ctx, actor.id, input.paymentMethodId) : null;
  return onSubscription(ctx, forOrganization(envelope, organization.organizationId), input.subscriptionId, {
    type: 'PurchaseSubscription',
    subscriptionId: input.subscriptionId,
    invoiceId: input.invoiceId,
    seats: input.seats,
    customerContactEmail: input.customerContactEmail,
    now: envelope.occurredAt,
    actor,
    context: {
      reseller,
      organization: customerOrganization(organization),
      plan,
      // The decider refuses a missing method with rule 6's sentence.
      paymentMethod: paymentMethod!,
    },
  });
}

/**
 * The reseller guide's purchase "for someone else": the purchase, then, in the same request, the
 * 7-day ownership offer to the customer contact (rule 2) while the reseller still owns the
 * organization and no offer is open. The offer is a follow-up command with an id derived from
 * the purchase's, so a retried request completes it without offering twice.
 */
export async function purchaseForCustomer(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: PurchaseSubscriptionInput & { transferId: string },
) {
  const purchase = await purchaseSubscription(ctx, envelope, input);
  const offerEnvelope = forOrganization(followUp(envelope, 'ownership-offer'), input.organizationId);
  const organization = await ctx.organizationState(input.organizationId);
  const open = openOwnershipTransfer(organization, offerEnvelope.occurredAt);
  let transferId: string | null = null;
  if (organization.status === 'active' && organization.owner.kind === 'reseller' && open === null) {
    await initiateOwnershipTransfer(ctx, offerEnvelope, {
      organizationId: input.organizationId,
      transferId: input.transferId,
      toEmail: input.customerContactEmail,
    });
    transferId = input.transferId;
  } else if (open?.transferId === input.transferId) {
    transferId = open.transferId; // a retry: the offer this purchase made is already open
  }
  return { purchase, transferId };
}

export async function addSeats(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { subscriptionId: string; invoiceId: string; seats: number; paymentMethodId?: string },
) {
  const { s, actor, reseller, scoped } = await openDoor(ctx, envelope, input.subscriptionId);
  const paymentMethod = await chargedMethod(ctx, actor, s, input.paymentMethodId);
  return onSubscription(ctx, scoped, input.subscriptionId, {
    type: 'AddSeats',
    subscriptionId: input.subscriptionId,
    invoiceId: input.invoiceId,
    seats: input.seats,
    now: envelope.occurredAt,
    actor,
    context: { reseller, paymentMethod },
  });
}

export async function assignSeat(ctx: LedgerContext, envelope: CommandEnvelope, input: { subscriptionId: string; email: string }) {
  const { actor, reseller, scoped } = await openDoor(ctx, envelope, input.subscriptionId);
  return onSubscription(ctx, scoped, input.subscriptionId, {
    type: 'AssignSeat',
    ...input,
    now: envelope.occurredAt,
    actor,
    context: { reseller },
  });
}

export async function unassignSeat(ctx: LedgerContext, envelope: CommandEnvelope, input: { subscriptionId: string; email: string }) {
  const { actor, reseller, scoped } = await openDoor(ctx, envelope, input.subscriptionId);
  return onSubscription(ctx, scoped, input.subscriptionId, {
    type: 'UnassignSeat',
    ...input,
    now: envelope.occurredAt,
    actor,
    context: { reseller },
  });
}

/** An upgrade to another plan of the same vendor, billing period and currency, at today's catalog price. */
export async function changePlan(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { subscriptionId: string; invoiceId: string; planId: string; paymentMethodId?: string },
) {
  const { s, actor, reseller, scoped } = await openDoor(ctx, envelope, input.subscriptionId);
  const plan = await priceFor(ctx, s, input.planId);
  const paymentMethod = await chargedMethod(ctx, actor, s, input.paymentMethodId);
  return onSubscription(ctx, scoped, input.subscriptionId, {
    type: 'ChangePlan',
    subscriptionId: input.subscriptionId,
    invoiceId: input.invoiceId,
    now: envelope.occurredAt,
    actor,
    context: { reseller, plan, paymentMethod },
  });
}

/** Rule 5: what adding seats and/or moving plan would cost now; computed, nothing is recorded. */
export async function quoteSubscriptionUpgrade(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { subscriptionId: string; seats?: number; planId?: string },
) {
  const { s } = await openDoor(ctx, envelope, input.subscriptionId);
  const newPlan = input.planId === undefined ? undefined : await priceFor(ctx, s, input.planId);
  return orRefuse(quoteUpgrade(s, { addSeats: input.seats, newPlan, now: envelope.occurredAt }));
}

/** Rule 5: the annual total and next charge date of renewing, at today's catalog price. */
export async function quoteSubscriptionRenewal(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { subscriptionId: string; seats?: number; planId?: string },
) {
  const { s } = await openDoor(ctx, envelope, input.subscriptionId);
  const plan = await priceFor(ctx, s, input.planId ?? latestPlanId(s));
  return orRefuse(quoteRenewal(s, { plan, seats: input.seats, now: envelope.occurredAt }));
}

/** Renews for the next anchored period at today's price; fewer seats or a cheaper plan take effect here only. */
export async function renewSubscription(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { subscriptionId: string; invoiceId: string; seats?: number; planId?: string; paymentMethodId?: string },
) {
  const { s, actor, reseller, scoped } = await openDoor(ctx, envelope, input.subscriptionId);
  const plan = await priceFor(ctx, s, input.planId ?? latestPlanId(s));
  const paymentMethod = await chargedMethod(ctx, actor, s, input.paymentMethodId);
  return onSubscription(ctx, scoped, input.subscriptionId, {
    type: 'RenewSubscription',
    subscriptionId: input.subscriptionId,
    invoiceId: input.invoiceId,
    seats: input.seats,
    now: envelope.occurredAt,
    actor,
    context: { reseller, plan, paymentMethod },
  });
}

/** Stops renewal; the paid time runs out as bought (nothing refunded). */
export async function cancelSubscription(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { subscriptionId: string; reason?: string },
) {
  const { actor, reseller, scoped } = await openDoor(ctx, envelope, input.subscriptionId);
  return onSubscription(ctx, scoped, input.subscriptionId, {
    type: 'CancelSubscription',
    ...input,
    now: envelope.occurredAt,
    actor,
    context: { reseller },
  });
}

/**
 * Seed 004: with auto-renewal on, the renewal is charged at term end to the invoice owner's
 * default payment method (the subscription-renewal process does it; see processes.use-cases.ts).
 */
export async function setAutoRenewal(ctx: LedgerContext, envelope: CommandEnvelope, input: { subscriptionId: string; enabled: boolean }) {
  const { actor, reseller, scoped } = await openDoor(ctx, envelope, input.subscriptionId);
  return ctx.pipeline.execute({
    streamId: subscriptionStream(input.subscriptionId),
    decider: subscriptionRenewalDecider,
    envelope: scoped,
    command: { type: 'SetAutoRenewal', ...input, now: envelope.occurredAt, actor, context: { reseller } },
  });
}

export type NewInvoiceOwner = { kind: 'reseller'; resellerId: string } | { kind: 'organization'; billingContactEmail: string };

/** A support decision, dated and with its reason: invoices go to someone else from `effectiveAt` on. */
export async function changeInvoiceOwner(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { subscriptionId: string; newOwner: NewInvoiceOwner; effectiveAt: string; reason: string },
) {
  const { actor, scoped } = await openDoor(ctx, envelope, input.subscriptionId);
  let newOwner;
  if (input.newOwner.kind === 'reseller') {
    const reseller = required(
      resellerFacts(await ctx.resellerState(input.newOwner.resellerId)),
      'reseller-not-found',
      `No reseller ${input.newOwner.resellerId} is registered.`,
    );
    newOwner = { kind: 'reseller' as const, reseller };
  } else {
    newOwner = { kind: 'organization' as const, billingContactEmail: input.newOwner.billingContactEmail };
  }
  return onSubscription(ctx, scoped, input.subscriptionId, {
    type: 'ChangeInvoiceOwner',
    subscriptionId: input.subscriptionId,
    effectiveAt: input.effectiveAt,
    reason: input.reason,
    newOwner,
    now: envelope.occurredAt,
    actor,
  });
}

/**
 * A customer asking for its invoices (rules 7, 8): refused with the reseller's name while a reseller
 * owns them; the organization's own invoices otherwise. Someone outside the organization is told
 * there is no such subscription.
 */
export async function requestInvoices(ctx: LedgerContext, envelope: CommandEnvelope, input: { subscriptionId: string }) {
  const actor = actingParty(envelope);
  const s = await customerSubscription(ctx, actor, input.subscriptionId);
  return orRefuse(decideInvoiceRequest(s, { actor, now: envelope.occurredAt }));
}

export interface DirectPurchaseInput {
  /** The new subscription: a direct purchase never continues the reseller's stream (rule 11). */
  subscriptionId: string;
  invoiceId: string;
  previousResellerSubscriptionId: string;
  planId: string;
  billingPeriod: BillingPeriod;
  seats: number;
  billingContactEmail: string;
  /**
   * The customer's own payment method, as the vendor's payment provider names it. The ledger keeps
   * no customer wallet: it records the reference and its kind (rule 6 still applies).
   */
  paymentMethod: { id: string; kind: PaymentMethodKind };
}

/** Rule 11: the customer buys from the vendor after a reseller purchase: a new subscription, nothing carried over. */
export async function recordDirectPurchase(ctx: LedgerContext, envelope: CommandEnvelope, input: DirectPurchaseInput) {
  const actor = actingParty(envelope);
  const previous = await customerSubscription(ctx, actor, input.previousResellerSubscriptionId);
  const organization = required(
    await ctx.organization(previous.organizationId),
    'subscription-not-found',
    `No subscription ${input.previousResellerSubscriptionId} is visible to you.`,
  );
  const plan = orRefuse(planPrice(await ctx.catalog(organization.vendorId), input.planId, input.billingPeriod));
  const paymentMethod: PaymentMethodFacts = { id: input.paymentMethod.id, kind: input.paymentMethod.kind };
  return onSubscription(ctx, forOrganization(envelope, organization.organizationId), input.subscriptionId, {
    type: 'RecordDirectPurchase',
    subscriptionId: input.subscriptionId,
    invoiceId: input.invoiceId,
    seats: input.seats,
    billingContactEmail: input.billingContactEmail,
    previousResellerSubscriptionId: input.previousResellerSubscriptionId,
    now: envelope.occurredAt,
    actor,
    context: {
      organization: customerOrganization(organization),
      plan,
      paymentMethod,
      previousSubscription: predecessorFacts(previous)!,
    },
  });
}

// ---------------------------------------------------------------------------------------------

function forOrganization(envelope: CommandEnvelope, organizationId: string): CommandEnvelope {
  return onBehalfOf(envelope, { kind: 'organization', id: organizationId });
}

/** The subscription, once the actor has passed its widest door; anything else is refused as the decider would. */
async function openDoor(ctx: LedgerContext, envelope: CommandEnvelope, subscriptionId: string) {
  const actor = actingParty(envelope);
  const reseller = await ctx.actingReseller(actor);
  // The decider lets a customer act on a direct subscription; only its organization's people may.
  if (actor.kind === 'customer') await customerSubscription(ctx, actor, subscriptionId);
  const state = await ctx.subscription(subscriptionId);
  orRefuse(requireOwnerOrSupport({ actor, now: envelope.occurredAt, context: { reseller } }, state));
  const s = state as ExistingSubscription;
  return { s, actor, reseller, scoped: forOrganization(envelope, s.organizationId) };
}

/** A customer sees a subscription only as owner or accepted administrator of its organization. */
async function customerSubscription(ctx: LedgerContext, actor: Actor, subscriptionId: string): Promise<ExistingSubscription> {
  const notVisible = () =>
    new RuleViolationError(violation('subscription-not-found', `No subscription ${subscriptionId} is visible to you.`));
  const state: SubscriptionState = await ctx.subscription(subscriptionId);
  if (state.status === 'none') throw notVisible();
  if (actor.kind === 'customer' && isViolation(resolveActing(await ctx.organizationState(state.organizationId), actor, null))) {
    throw notVisible();
  }
  return state;
}

/** Rule 13: a reseller sees only the organizations it manages; another's is "not found", never "not yours". */
function visibleOrganization(organization: OrganizationFacts | null, actor: Actor): OrganizationFacts | null {
  if (!organization || (actor.kind === 'reseller' && organization.managedByResellerId !== actor.id)) return null;
  return organization;
}

function customerOrganization(organization: OrganizationFacts): CustomerOrganizationFacts {
  return {
    organizationId: organization.organizationId,
    vendorId: organization.vendorId,
    name: organization.name,
    managedByResellerId: organization.managedByResellerId,
  };
}

function latestPlanId(s: ExistingSubscription): string {
  return s.periods[s.periods.length - 1].plan.planId;
}

/** Today's catalog price of a plan, in the subscription's billing period (the decider checks currency and vendor). */
async function priceFor(ctx: LedgerContext, s: ExistingSubscription, planId: string): Promise<PlanPrice> {
  return orRefuse(planPrice(await ctx.catalog(s.vendorId), planId, s.billingPeriod));
}

async function resellerPaymentMethod(ctx: LedgerContext, resellerId: string, paymentMethodId?: string): Promise<PaymentMethodFacts> {
  const method = await ctx.resellerPaymentMethod(resellerId, paymentMethodId);
  if (method) return method;
  throw new RuleViolationError(
    paymentMethodId
      ? violation('payment-method-not-found', `Payment method ${paymentMethodId} is not one of yours.`)
      : violation('payment-method-required', 'Add a payment method (card, PayPal or ACH) before buying.'),
  );
}

/**
 * What a reseller's charge on an existing subscription is paid with: the method named, else the
 * one the subscription was bought with while the reseller still has it, else its default. A
 * removed method is never charged. Other actors (support, the billing system) leave it to the
 * subscription's own method.
 */
async function chargedMethod(
  ctx: LedgerContext,
  actor: Actor,
  s: ExistingSubscription,
  paymentMethodId?: string,
): Promise<PaymentMethodFacts | undefined> {
  if (actor.kind !== 'reseller') return undefined;
  if (paymentMethodId !== undefined) return resellerPaymentMethod(ctx, actor.id, paymentMethodId);
  return (await ctx.resellerPaymentMethod(actor.id, s.paymentMethod.id)) ?? resellerPaymentMethod(ctx, actor.id);
}

/** Every subscription command takes the same road: its stream, its decider, at the revision read. */
function onSubscription(ctx: LedgerContext, envelope: CommandEnvelope, subscriptionId: string, command: SubscriptionCommand) {
  return ctx.pipeline.execute({ streamId: subscriptionStream(subscriptionId), decider: subscriptionDecider, envelope, command });
}
