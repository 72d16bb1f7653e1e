import { RecordedEvent } from '@channel-ledger/event-store';
import { resellerDecider, ResellerPaymentMethodKind, resellerStream } from '@channel-ledger/domain';
import { actingParty, CommandEnvelope } from '../pipeline/command-envelope';
import { followUp } from './follow-up';
import { LedgerContext } from './ledger-context';

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

export async function addPaymentMethod(ctx: LedgerContext, envelope: CommandEnvelope, input: AddPaymentMethodInput): Promise<PaymentMethodOutcome> {
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
export function setDefaultPaymentMethod(ctx: LedgerContext, envelope: CommandEnvelope, input: { resellerId: string; paymentMethodId: string }) {
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
