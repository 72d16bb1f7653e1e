import { Email, Instant } from '../shared/types';
import { ResellerPaymentMethodKind } from './commands';
import { ResellerEvent, ResellerPartnerKind } from './events';

interface RegisteredReseller {
  readonly resellerId: string;
  readonly companyName: string;
  readonly email: Email;
  readonly partnerKind: ResellerPartnerKind;
  readonly registeredAt: Instant;
}

export interface PaymentMethod {
  readonly paymentMethodId: string;
  readonly kind: ResellerPaymentMethodKind;
  readonly label: string;
}

/** Payment methods only exist once verified: an unverified reseller cannot add any (rule 1). */
export type ResellerState =
  | { readonly status: 'unregistered' }
  | (RegisteredReseller & {
      readonly status: 'pending-verification';
      readonly verificationTokenHash: string;
      readonly verificationExpiresAt: Instant;
    })
  | (RegisteredReseller & {
      readonly status: 'verified';
      readonly verifiedAt: Instant;
      readonly paymentMethods: readonly PaymentMethod[];
      readonly defaultPaymentMethodId: string | null;
    });

export const initialResellerState: ResellerState = { status: 'unregistered' };

export function evolveReseller(state: ResellerState, event: ResellerEvent): ResellerState {
  switch (event.type) {
    case 'ResellerRegistered': {
      const d = event.data;
      return {
        status: 'pending-verification',
        resellerId: d.resellerId,
        companyName: d.companyName,
        email: d.email,
        partnerKind: d.partnerKind,
        registeredAt: d.registeredAt,
        verificationTokenHash: d.verificationTokenHash,
        verificationExpiresAt: d.verificationExpiresAt,
      };
    }
    case 'ResellerVerificationReissued':
      if (state.status !== 'pending-verification') return state;
      return {
        ...state,
        verificationTokenHash: event.data.verificationTokenHash,
        verificationExpiresAt: event.data.verificationExpiresAt,
      };
    case 'ResellerEmailVerified': {
      if (state.status !== 'pending-verification') return state;
      const { verificationTokenHash: _hash, verificationExpiresAt: _expiry, ...registered } = state;
      return {
        ...registered,
        status: 'verified',
        verifiedAt: event.data.verifiedAt,
        paymentMethods: [],
        defaultPaymentMethodId: null,
      };
    }
    case 'PaymentMethodAdded': {
      if (state.status !== 'verified') return state;
      const { paymentMethodId, kind, label } = event.data;
      return { ...state, paymentMethods: [...state.paymentMethods, { paymentMethodId, kind, label }] };
    }
    case 'DefaultPaymentMethodSet':
      if (state.status !== 'verified') return state;
      return { ...state, defaultPaymentMethodId: event.data.paymentMethodId };
    case 'PaymentMethodRemoved': {
      if (state.status !== 'verified') return state;
      const { paymentMethodId } = event.data;
      return {
        ...state,
        paymentMethods: state.paymentMethods.filter((m) => m.paymentMethodId !== paymentMethodId),
        defaultPaymentMethodId: state.defaultPaymentMethodId === paymentMethodId ? null : state.defaultPaymentMethodId,
      };
    }
  }
}
