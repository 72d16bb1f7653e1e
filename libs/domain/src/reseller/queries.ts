import { ResellerFacts } from '../shared/types';
import { PaymentMethod, ResellerState } from './state';

/** What other deciders need to know about a reseller, handed to them in `context.reseller`. */
export function resellerFacts(state: ResellerState): ResellerFacts | null {
  if (state.status === 'unregistered') return null;
  return {
    resellerId: state.resellerId,
    companyName: state.companyName,
    email: state.email,
    emailVerified: state.status === 'verified',
    partnerKind: state.partnerKind,
  };
}

/** The payer's default method, for the purchase commands' context. */
export function defaultPaymentMethod(state: ResellerState): PaymentMethod | null {
  if (state.status !== 'verified' || state.defaultPaymentMethodId === null) return null;
  return state.paymentMethods.find((m) => m.paymentMethodId === state.defaultPaymentMethodId) ?? null;
}

export function findPaymentMethod(state: ResellerState, paymentMethodId: string): PaymentMethod | null {
  if (state.status !== 'verified') return null;
  return state.paymentMethods.find((m) => m.paymentMethodId === paymentMethodId) ?? null;
}

/**
 * The shape a purchase's context expects for its payment method (`{ id, kind }`): the named
 * method, or the default one when no id is given; null when there is none.
 */
export function paymentMethodFacts(
  state: ResellerState,
  paymentMethodId?: string,
): { readonly id: string; readonly kind: PaymentMethod['kind'] } | null {
  const method = paymentMethodId === undefined ? defaultPaymentMethod(state) : findPaymentMethod(state, paymentMethodId);
  return method && { id: method.paymentMethodId, kind: method.kind };
}
