import { eventIdFor, RecordedEvent } from '@channel-ledger/event-store';
import { PartnerKind, resellerDecider, ResellerPaymentMethodKind, resellerStream } from '@channel-ledger/domain';
import { derivedId } from '../pipeline/derived-id';
import { mailedTokenPurpose } from '../secrets/mailed-tokens';
import { Secrets, tokenHash } from '../secrets/secrets';
import { actingParty, CommandEnvelope } from '../pipeline/command-envelope';
import { followUp } from './follow-up';
import { LedgerContext } from './ledger-context';

export interface RegisterResellerInput {
  companyName: string;
  email: string;
  partnerKind: PartnerKind;
}

/**
 * The reseller id is derived from the command id (a retried registration lands on the same
 * reseller), and the verification token from the id ResellerRegistered will get (the command's
 * first event), so the mail sender recomputes it from the event: only its hash is recorded.
 */
export async function registerReseller(ctx: LedgerContext, secrets: Secrets, envelope: CommandEnvelope, input: RegisterResellerInput) {
  const resellerId = derivedId(`reseller|${envelope.commandId}`);
  const token = secrets.derive(mailedTokenPurpose.resellerVerification(eventIdFor(envelope.commandId, 0)));
  const self = { kind: 'reseller' as const, id: resellerId };
  const outcome = await ctx.pipeline.execute({
    streamId: resellerStream(resellerId),
    decider: resellerDecider,
    // Registering is anonymous; the reseller it creates is who acted.
    envelope: { ...envelope, actor: self, actingAs: self },
    command: {
      type: 'RegisterReseller',
      resellerId,
      ...input,
      verificationTokenHash: tokenHash(token),
      now: envelope.occurredAt,
      actor: self,
    },
  });
  return { resellerId, state: outcome.state };
}

/**
 * Whoever holds the mailed token may verify the address: the token is the credential. The call is
 * anonymous, so, as at registration, the reseller whose address the token proves is who acted
 * (an event never names an anonymous actor).
 */
export async function verifyResellerEmail(ctx: LedgerContext, envelope: CommandEnvelope, input: { resellerId: string; token: string }) {
  const self = { kind: 'reseller' as const, id: input.resellerId };
  return ctx.pipeline.execute({
    streamId: resellerStream(input.resellerId),
    decider: resellerDecider,
    envelope: { ...envelope, actor: self, actingAs: self },
    command: {
      type: 'VerifyResellerEmail',
      resellerId: input.resellerId,
      verificationTokenHash: tokenHash(input.token),
      now: envelope.occurredAt,
      actor: self,
    },
  });
}

/*
 * A reseller's payment methods (rule 6: card, PayPal, ACH; invoice for Enterprise). Only the
 * reseller itself manages them; the decider answers anyone else as if the reseller did not exist.
 * Card data never enters the ledger: a method is an id, a kind and the label the reseller knows it by.
 */

export interface AddPaymentMethodInput {
  resellerId: string;
  paymentMethodId: string;
  kind: ResellerPaymentMethodKind;
  label: string;
  makeDefault: boolean;
}

/** The events both steps recorded (on a retry: the original ones), in stream order. */
export interface PaymentMethodOutcome {
  paymentMethodId: string;
  events: RecordedEvent[];
}

export async function addPaymentMethod(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: AddPaymentMethodInput,
): Promise<PaymentMethodOutcome> {
  const base = { resellerId: input.resellerId, now: envelope.occurredAt, actor: actingParty(envelope) };
  const added = await ctx.pipeline.execute({
    streamId: resellerStream(input.resellerId),
    decider: resellerDecider,
    envelope,
    command: { ...base, type: 'AddPaymentMethod', paymentMethodId: input.paymentMethodId, kind: input.kind, label: input.label },
  });
  if (!input.makeDefault) return { paymentMethodId: input.paymentMethodId, events: added.events };
  // A command of its own, derived from the first, so a retry stays idempotent. The first method
  // added is already the default; then this records nothing.
  const madeDefault = await ctx.pipeline.execute({
    streamId: resellerStream(input.resellerId),
    decider: resellerDecider,
    envelope: followUp(envelope, 'default'),
    command: { ...base, type: 'SetDefaultPaymentMethod', paymentMethodId: input.paymentMethodId },
  });
  return { paymentMethodId: input.paymentMethodId, events: [...added.events, ...madeDefault.events] };
}

/** Renewals and seats added later are charged to the default when nothing else is named. */
export function setDefaultPaymentMethod(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { resellerId: string; paymentMethodId: string },
) {
  return ctx.pipeline.execute({
    streamId: resellerStream(input.resellerId),
    decider: resellerDecider,
    envelope,
    command: { type: 'SetDefaultPaymentMethod', ...input, now: envelope.occurredAt, actor: actingParty(envelope) },
  });
}

/** The default goes only when it is the last method (see the decider). */
export function removePaymentMethod(ctx: LedgerContext, envelope: CommandEnvelope, input: { resellerId: string; paymentMethodId: string }) {
  return ctx.pipeline.execute({
    streamId: resellerStream(input.resellerId),
    decider: resellerDecider,
    envelope,
    command: { type: 'RemovePaymentMethod', ...input, now: envelope.occurredAt, actor: actingParty(envelope) },
  });
}
