import { Decision, violation } from '../shared/decider';
import { requireVerifiedReseller } from '../shared/reseller-guard';
import { Actor, instantPlusHours, isAtOrAfter, normalizeEmail } from '../shared/types';
import {
  AddPaymentMethod,
  RegisterReseller,
  ReissueResellerVerification,
  RemovePaymentMethod,
  ResellerCommand,
  SetDefaultPaymentMethod,
  VerifyResellerEmail,
} from './commands';
import { ResellerEvent } from './events';
import { resellerFacts } from './queries';
import { ResellerState } from './state';

/**
 * 72 hours: a reseller who registers on a Friday evening can still verify on Monday, while an
 * old mail sitting in an inbox stops being a way into the account; a new link can be reissued.
 */
export const VERIFICATION_VALIDITY_HOURS = 72;

export function decideReseller(command: ResellerCommand, state: ResellerState): Decision<ResellerEvent> {
  switch (command.type) {
    case 'RegisterReseller':
      return register(command, state);
    case 'VerifyResellerEmail':
      return verify(command, state);
    case 'ReissueResellerVerification':
      return reissue(command, state);
    case 'AddPaymentMethod':
      return addPaymentMethod(command, state);
    case 'SetDefaultPaymentMethod':
      return setDefaultPaymentMethod(command, state);
    case 'RemovePaymentMethod':
      return removePaymentMethod(command, state);
  }
}

function register(command: RegisterReseller, state: ResellerState): Decision<ResellerEvent> {
  if (command.partnerKind === 'alliance') {
    return violation(
      'alliance-partner-cannot-resell',
      "An alliance partner is not a reseller and cannot buy on a customer's behalf; register as a reseller or marketplace partner instead.",
    );
  }
  if (state.status !== 'unregistered') {
    return violation('reseller-already-registered', 'This reseller is already registered.');
  }
  return [
    {
      type: 'ResellerRegistered',
      data: {
        resellerId: command.resellerId,
        companyName: command.companyName.trim(),
        email: normalizeEmail(command.email),
        partnerKind: command.partnerKind,
        verificationTokenHash: command.verificationTokenHash,
        verificationExpiresAt: instantPlusHours(command.now, VERIFICATION_VALIDITY_HOURS),
        registeredAt: command.now,
      },
    },
  ];
}

function verify(command: VerifyResellerEmail, state: ResellerState): Decision<ResellerEvent> {
  if (state.status === 'unregistered') return notFound();
  // A second click on the link (or a retried request) must not fail nor record anything new.
  if (state.status === 'verified') return [];
  if (command.verificationTokenHash !== state.verificationTokenHash) {
    return violation('verification-token-invalid', 'This verification link is not valid for this reseller.');
  }
  if (isAtOrAfter(command.now, state.verificationExpiresAt)) {
    return violation('verification-token-expired', `This verification link expired at ${state.verificationExpiresAt}; ask for a new one.`, {
      expiresAt: state.verificationExpiresAt,
    });
  }
  return [
    {
      type: 'ResellerEmailVerified',
      data: { resellerId: state.resellerId, email: state.email, verifiedAt: command.now },
    },
  ];
}

function reissue(command: ReissueResellerVerification, state: ResellerState): Decision<ResellerEvent> {
  if (state.status === 'unregistered') return notFound();
  if (state.status === 'verified') {
    return violation('reseller-already-verified', `${state.companyName} has already verified its email address.`);
  }
  return [
    {
      type: 'ResellerVerificationReissued',
      data: {
        resellerId: state.resellerId,
        verificationTokenHash: command.verificationTokenHash,
        verificationExpiresAt: instantPlusHours(command.now, VERIFICATION_VALIDITY_HOURS),
        reissuedAt: command.now,
      },
    },
  ];
}

function addPaymentMethod(command: AddPaymentMethod, state: ResellerState): Decision<ResellerEvent> {
  const refused = requireActingVerifiedReseller(command.actor, state);
  if (refused) return refused;
  if (state.status !== 'verified') return notFound();
  if (state.paymentMethods.some((m) => m.paymentMethodId === command.paymentMethodId)) {
    return violation('payment-method-already-added', 'This payment method has already been added.');
  }
  const added: ResellerEvent = {
    type: 'PaymentMethodAdded',
    data: {
      resellerId: state.resellerId,
      paymentMethodId: command.paymentMethodId,
      kind: command.kind,
      label: command.label,
      addedAt: command.now,
    },
  };
  // The first method becomes the default so a purchase never finds a payer without one.
  if (state.defaultPaymentMethodId !== null) return [added];
  return [
    added,
    {
      type: 'DefaultPaymentMethodSet',
      data: {
        resellerId: state.resellerId,
        paymentMethodId: command.paymentMethodId,
        previousPaymentMethodId: null,
        setAt: command.now,
      },
    },
  ];
}

function setDefaultPaymentMethod(command: SetDefaultPaymentMethod, state: ResellerState): Decision<ResellerEvent> {
  const refused = requireActingVerifiedReseller(command.actor, state);
  if (refused) return refused;
  if (state.status !== 'verified') return notFound();
  if (!state.paymentMethods.some((m) => m.paymentMethodId === command.paymentMethodId)) {
    return violation('payment-method-not-found', 'This reseller has no payment method with that id.');
  }
  if (state.defaultPaymentMethodId === command.paymentMethodId) return [];
  return [
    {
      type: 'DefaultPaymentMethodSet',
      data: {
        resellerId: state.resellerId,
        paymentMethodId: command.paymentMethodId,
        previousPaymentMethodId: state.defaultPaymentMethodId,
        setAt: command.now,
      },
    },
  ];
}

function removePaymentMethod(command: RemovePaymentMethod, state: ResellerState): Decision<ResellerEvent> {
  const refused = requireActingVerifiedReseller(command.actor, state);
  if (refused) return refused;
  if (state.status !== 'verified') return notFound();
  const method = state.paymentMethods.find((m) => m.paymentMethodId === command.paymentMethodId);
  if (!method) return violation('payment-method-not-found', 'This reseller has no payment method with that id.');
  const wasDefault = state.defaultPaymentMethodId === method.paymentMethodId;
  // Renewals and added seats fall back to the default, so it is never left pointing at nothing while others exist.
  if (wasDefault && state.paymentMethods.length > 1) {
    return violation(
      'default-payment-method-in-use',
      `${method.label} is your default payment method; make another one the default before removing it.`,
      { paymentMethodId: method.paymentMethodId },
    );
  }
  return [
    {
      type: 'PaymentMethodRemoved',
      data: {
        resellerId: state.resellerId,
        paymentMethodId: method.paymentMethodId,
        kind: method.kind,
        label: method.label,
        wasDefault,
        removedAt: command.now,
      },
    },
  ];
}

/** Only the reseller itself manages its payer details; anyone else is told it does not exist. */
function requireActingVerifiedReseller(actor: Actor, state: ResellerState) {
  const facts = resellerFacts(state);
  if (facts && (actor.kind !== 'reseller' || actor.id !== facts.resellerId)) return notFound();
  return requireVerifiedReseller(facts);
}

function notFound() {
  return violation('reseller-not-found', 'No reseller is registered under this id.');
}
