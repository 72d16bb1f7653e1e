import { Actor, Instant } from '../shared/types';

export type PartnerKind = 'reseller' | 'marketplace' | 'alliance';
export type ResellerPaymentMethodKind = 'card' | 'paypal' | 'ach' | 'invoice';

interface ResellerCommandBase {
  readonly resellerId: string;
  readonly now: Instant;
  readonly actor: Actor;
}

/** The reseller registers with its own address, never the end user's (the GitKraken guide insists). */
export interface RegisterReseller extends ResellerCommandBase {
  readonly type: 'RegisterReseller';
  readonly companyName: string;
  readonly email: string;
  readonly partnerKind: PartnerKind;
  /** Hash of the token mailed to the reseller; the token itself never reaches the domain. */
  readonly verificationTokenHash: string;
}

export interface VerifyResellerEmail extends ResellerCommandBase {
  readonly type: 'VerifyResellerEmail';
  readonly verificationTokenHash: string;
}

/** A new link for a reseller whose first one expired or got lost. */
export interface ReissueResellerVerification extends ResellerCommandBase {
  readonly type: 'ReissueResellerVerification';
  readonly verificationTokenHash: string;
}

export interface AddPaymentMethod extends ResellerCommandBase {
  readonly type: 'AddPaymentMethod';
  readonly paymentMethodId: string;
  readonly kind: ResellerPaymentMethodKind;
  /** What the reseller recognises it by, e.g. "Visa •••• 4242"; never card data. */
  readonly label: string;
}

export interface SetDefaultPaymentMethod extends ResellerCommandBase {
  readonly type: 'SetDefaultPaymentMethod';
  readonly paymentMethodId: string;
}

/** The default can only go when it is the last method: renewals are charged to the default. */
export interface RemovePaymentMethod extends ResellerCommandBase {
  readonly type: 'RemovePaymentMethod';
  readonly paymentMethodId: string;
}

export type ResellerCommand =
  RegisterReseller | VerifyResellerEmail | ReissueResellerVerification | AddPaymentMethod | SetDefaultPaymentMethod | RemovePaymentMethod;
