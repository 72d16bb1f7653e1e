import { DomainEvent } from '../shared/decider';
import { Email, Instant } from '../shared/types';
import { ResellerPaymentMethodKind } from './commands';

export type ResellerPartnerKind = 'reseller' | 'marketplace';

export type ResellerRegistered = DomainEvent<
  'ResellerRegistered',
  {
    resellerId: string;
    companyName: string;
    email: Email;
    partnerKind: ResellerPartnerKind;
    verificationTokenHash: string;
    verificationExpiresAt: Instant;
    registeredAt: Instant;
  }
>;

export type ResellerVerificationReissued = DomainEvent<
  'ResellerVerificationReissued',
  {
    resellerId: string;
    verificationTokenHash: string;
    verificationExpiresAt: Instant;
    reissuedAt: Instant;
  }
>;

export type ResellerEmailVerified = DomainEvent<'ResellerEmailVerified', { resellerId: string; email: Email; verifiedAt: Instant }>;

export type PaymentMethodAdded = DomainEvent<
  'PaymentMethodAdded',
  { resellerId: string; paymentMethodId: string; kind: ResellerPaymentMethodKind; label: string; addedAt: Instant }
>;

export type DefaultPaymentMethodSet = DomainEvent<
  'DefaultPaymentMethodSet',
  { resellerId: string; paymentMethodId: string; previousPaymentMethodId: string | null; setAt: Instant }
>;

export type PaymentMethodRemoved = DomainEvent<
  'PaymentMethodRemoved',
  /** `wasDefault`: the last method went, so there is no default any more (the next purchase must name one). */
  { resellerId: string; paymentMethodId: string; kind: ResellerPaymentMethodKind; label: string; wasDefault: boolean; removedAt: Instant }
>;

export type ResellerEvent =
  | ResellerRegistered
  | ResellerVerificationReissued
  | ResellerEmailVerified
  | PaymentMethodAdded
  | DefaultPaymentMethodSet
  | PaymentMethodRemoved;
