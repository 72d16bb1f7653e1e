import { fold, isViolation } from '../shared/decider';
import { Actor } from '../shared/types';
import { specFor } from '../testing/given';
import {
  AddPaymentMethod,
  RegisterReseller,
  RemovePaymentMethod,
  ResellerCommand,
  SetDefaultPaymentMethod,
  VerifyResellerEmail,
} from './commands';
import { ResellerEvent } from './events';
import { defaultPaymentMethod, paymentMethodFacts, resellerDecider, resellerFacts, resellerStream } from './index';

const given = specFor(resellerDecider);

const day0 = '2026-03-02T09:00:00.000Z';
const anonymous: Actor = { kind: 'anonymous', id: 'anonymous' };
const acmeActor: Actor = { kind: 'reseller', id: 'acme' };

const register = (over: Partial<RegisterReseller> = {}): RegisterReseller => ({
  type: 'RegisterReseller',
  resellerId: 'acme',
  companyName: 'Acme Resellers Ltd',
  email: 'Sales@Acme.example',
  partnerKind: 'reseller',
  verificationTokenHash: 'hash-1',
  now: day0,
  actor: anonymous,
  ...over,
});
const verify = (over: Partial<VerifyResellerEmail> = {}): VerifyResellerEmail => ({
  type: 'VerifyResellerEmail',
  resellerId: 'acme',
  verificationTokenHash: 'hash-1',
  now: '2026-03-02T10:00:00.000Z',
  actor: anonymous,
  ...over,
});
const addCard = (over: Partial<AddPaymentMethod> = {}): AddPaymentMethod => ({
  type: 'AddPaymentMethod',
  resellerId: 'acme',
  paymentMethodId: 'pm-card',
  kind: 'card',
  label: 'Visa •••• 4242',
  now: '2026-03-03T09:00:00.000Z',
  actor: acmeActor,
  ...over,
});
const setDefault = (over: Partial<SetDefaultPaymentMethod> = {}): SetDefaultPaymentMethod => ({
  type: 'SetDefaultPaymentMethod',
  resellerId: 'acme',
  paymentMethodId: 'pm-ach',
  now: '2026-03-04T09:00:00.000Z',
  actor: acmeActor,
  ...over,
});

const remove = (over: Partial<RemovePaymentMethod> = {}): RemovePaymentMethod => ({
  type: 'RemovePaymentMethod',
  resellerId: 'acme',
  paymentMethodId: 'pm-ach',
  now: '2026-03-05T09:00:00.000Z',
  actor: acmeActor,
  ...over,
});

const registered: ResellerEvent = {
  type: 'ResellerRegistered',
  data: {
    resellerId: 'acme',
    companyName: 'Acme Resellers Ltd',
    email: 'sales@acme.example',
    partnerKind: 'reseller',
    verificationTokenHash: 'hash-1',
    verificationExpiresAt: '2026-03-05T09:00:00.000Z',
    registeredAt: day0,
  },
};
const verified: ResellerEvent = {
  type: 'ResellerEmailVerified',
  data: { resellerId: 'acme', email: 'sales@acme.example', verifiedAt: '2026-03-02T10:00:00.000Z' },
};
const cardAdded: ResellerEvent = {
  type: 'PaymentMethodAdded',
  data: { resellerId: 'acme', paymentMethodId: 'pm-card', kind: 'card', label: 'Visa •••• 4242', addedAt: '2026-03-03T09:00:00.000Z' },
};
const cardIsDefault: ResellerEvent = {
  type: 'DefaultPaymentMethodSet',
  data: { resellerId: 'acme', paymentMethodId: 'pm-card', previousPaymentMethodId: null, setAt: '2026-03-03T09:00:00.000Z' },
};
const achAdded: ResellerEvent = {
  type: 'PaymentMethodAdded',
  data: { resellerId: 'acme', paymentMethodId: 'pm-ach', kind: 'ach', label: 'ACH checking', addedAt: '2026-03-03T10:00:00.000Z' },
};

describe('reseller', () => {
  it('names its stream reseller-<id>', () => {
    expect(resellerStream('acme')).toBe('reseller-acme');
  });

  describe('RegisterReseller', () => {
    it('records the registration with the token hash and a 72 h expiry, email lower-cased', () => {
      given([]).when(register()).then([registered]);
    });

    it('registers a marketplace partner as a reseller of kind marketplace', () => {
      const decision = given([]).when(register({ partnerKind: 'marketplace' })).decision;
      expect(isViolation(decision) ? null : decision[0]?.data).toMatchObject({ partnerKind: 'marketplace' });
    });

    it('refuses an alliance partner: it is not a reseller', () => {
      given([])
        .when(register({ partnerKind: 'alliance' }))
        .thenRefuses('alliance-partner-cannot-resell', /alliance partner/i);
    });

    it('refuses to register the same reseller twice', () => {
      given([registered]).when(register()).thenRefuses('reseller-already-registered');
    });

    it('never stores the token itself, only its hash', () => {
      const decision = given([]).when(register({ verificationTokenHash: 'sha256:abc' })).decision;
      expect(JSON.stringify(decision)).toContain('sha256:abc');
      expect(Object.keys(isViolation(decision) ? {} : (decision[0]!.data as object))).not.toContain('verificationToken');
    });
  });

  describe('VerifyResellerEmail', () => {
    it('verifies with the right token before it expires', () => {
      given([registered]).when(verify()).then([verified]);
    });

    it('refuses a wrong token', () => {
      given([registered])
        .when(verify({ verificationTokenHash: 'other' }))
        .thenRefuses('verification-token-invalid');
    });

    it('refuses the token once 72 hours have passed', () => {
      given([registered])
        .when(verify({ now: '2026-03-05T09:00:00.000Z' }))
        .thenRefuses('verification-token-expired', /expired/);
    });

    it('accepts the token one millisecond before the expiry', () => {
      given([registered])
        .when(verify({ now: '2026-03-05T08:59:59.999Z' }))
        .then([{ ...verified, data: { ...verified.data, verifiedAt: '2026-03-05T08:59:59.999Z' } }]);
    });

    it('is idempotent once verified', () => {
      given([registered, verified]).when(verify()).then([]);
    });

    it('refuses an unknown reseller', () => {
      given([]).when(verify()).thenRefuses('reseller-not-found');
    });
  });

  describe('ReissueResellerVerification', () => {
    const reissue = (now: string): ResellerCommand => ({
      type: 'ReissueResellerVerification',
      resellerId: 'acme',
      verificationTokenHash: 'hash-2',
      now,
      actor: anonymous,
    });
    const reissued: ResellerEvent = {
      type: 'ResellerVerificationReissued',
      data: {
        resellerId: 'acme',
        verificationTokenHash: 'hash-2',
        verificationExpiresAt: '2026-03-13T09:00:00.000Z',
        reissuedAt: '2026-03-10T09:00:00.000Z',
      },
    };

    it('issues a fresh token after the first one expired, and only the new one verifies', () => {
      given([registered]).when(reissue('2026-03-10T09:00:00.000Z')).then([reissued]);
      given([registered, reissued])
        .when(verify({ now: '2026-03-10T10:00:00.000Z' }))
        .thenRefuses('verification-token-invalid');
      given([registered, reissued])
        .when(verify({ verificationTokenHash: 'hash-2', now: '2026-03-10T10:00:00.000Z' }))
        .then([{ ...verified, data: { ...verified.data, verifiedAt: '2026-03-10T10:00:00.000Z' } }]);
    });

    it('refuses once already verified', () => {
      given([registered, verified]).when(reissue(day0)).thenRefuses('reseller-already-verified');
    });

    it('refuses an unknown reseller', () => {
      given([]).when(reissue(day0)).thenRefuses('reseller-not-found');
    });
  });

  describe('AddPaymentMethod', () => {
    it('adds the first method and makes it the default', () => {
      given([registered, verified]).when(addCard()).then([cardAdded, cardIsDefault]);
    });

    it('adds a further method without changing the default', () => {
      given([registered, verified, cardAdded, cardIsDefault])
        .when(addCard({ paymentMethodId: 'pm-ach', kind: 'ach', label: 'ACH checking', now: '2026-03-03T10:00:00.000Z' }))
        .then([achAdded]);
    });

    it('refuses the same payment method id twice', () => {
      given([registered, verified, cardAdded, cardIsDefault]).when(addCard()).thenRefuses('payment-method-already-added');
    });

    it('refuses another reseller acting on this reseller as if it did not exist', () => {
      given([registered, verified])
        .when(addCard({ actor: { kind: 'reseller', id: 'globex' } }))
        .thenRefuses('reseller-not-found');
    });
  });

  describe('SetDefaultPaymentMethod', () => {
    const history = [registered, verified, cardAdded, cardIsDefault, achAdded];

    it('switches the default and records the previous one', () => {
      given(history)
        .when(setDefault())
        .then([
          {
            type: 'DefaultPaymentMethodSet',
            data: { resellerId: 'acme', paymentMethodId: 'pm-ach', previousPaymentMethodId: 'pm-card', setAt: '2026-03-04T09:00:00.000Z' },
          },
        ]);
    });

    it('records nothing when it is already the default', () => {
      given(history)
        .when(setDefault({ paymentMethodId: 'pm-card' }))
        .then([]);
    });

    it('refuses an unknown payment method', () => {
      given(history)
        .when(setDefault({ paymentMethodId: 'pm-nope' }))
        .thenRefuses('payment-method-not-found');
    });
  });

  describe('RemovePaymentMethod', () => {
    const history = [registered, verified, cardAdded, cardIsDefault, achAdded];
    const removed = (paymentMethodId: string, kind: 'card' | 'ach', label: string, wasDefault: boolean): ResellerEvent => ({
      type: 'PaymentMethodRemoved',
      data: { resellerId: 'acme', paymentMethodId, kind, label, wasDefault, removedAt: '2026-03-05T09:00:00.000Z' },
    });

    it('removes a method that is not the default, and it is no longer offered to purchases', () => {
      given(history)
        .when(remove())
        .then([removed('pm-ach', 'ach', 'ACH checking', false)]);
      const after = fold(resellerDecider, [...history, removed('pm-ach', 'ach', 'ACH checking', false)]);
      expect(paymentMethodFacts(after, 'pm-ach')).toBeNull();
      expect(paymentMethodFacts(after)).toEqual({ id: 'pm-card', kind: 'card' });
    });

    it('refuses to remove the default while other methods exist: renewals are charged to it', () => {
      given(history)
        .when(remove({ paymentMethodId: 'pm-card' }))
        .thenRefuses('default-payment-method-in-use', /Visa •••• 4242.*default/);
    });

    it('removes the last method, default or not, leaving no default', () => {
      given([registered, verified, cardAdded, cardIsDefault])
        .when(remove({ paymentMethodId: 'pm-card' }))
        .then([removed('pm-card', 'card', 'Visa •••• 4242', true)]);
      const after = fold(resellerDecider, [
        registered,
        verified,
        cardAdded,
        cardIsDefault,
        removed('pm-card', 'card', 'Visa •••• 4242', true),
      ]);
      expect(defaultPaymentMethod(after)).toBeNull();
    });

    it('refuses an unknown or already removed payment method', () => {
      given(history)
        .when(remove({ paymentMethodId: 'pm-nope' }))
        .thenRefuses('payment-method-not-found');
      given([...history, removed('pm-ach', 'ach', 'ACH checking', false)])
        .when(remove())
        .thenRefuses('payment-method-not-found');
    });

    it('refuses another reseller as if this reseller did not exist', () => {
      given(history)
        .when(remove({ actor: { kind: 'reseller', id: 'globex' } }))
        .thenRefuses('reseller-not-found');
    });
  });

  describe('rule 1: a reseller can do nothing until its email is verified', () => {
    const commandsOtherThanRegisterAndVerify: ResellerCommand[] = [addCard(), setDefault({ paymentMethodId: 'pm-card' }), remove()];

    it.each(commandsOtherThanRegisterAndVerify.map((c) => [c.type, c] as const))(
      'rule 1: %s is refused before verification',
      (_type, command) => {
        given([registered])
          .when(command)
          .thenRefuses('reseller-email-not-verified', /Acme Resellers Ltd.*sales@acme\.example/);
      },
    );

    it('rule 1: the same commands are accepted once verified', () => {
      given([registered, verified]).when(addCard()).then([cardAdded, cardIsDefault]);
    });

    it('rule 1: a reseller that never registered is not found', () => {
      given([]).when(addCard()).thenRefuses('reseller-not-found');
    });
  });

  describe('resellerFacts', () => {
    it('is null before registration', () => {
      expect(resellerFacts(fold(resellerDecider, []))).toBeNull();
    });

    it('reports an unverified reseller as such, then verified', () => {
      expect(resellerFacts(fold(resellerDecider, [registered]))).toEqual({
        resellerId: 'acme',
        companyName: 'Acme Resellers Ltd',
        email: 'sales@acme.example',
        emailVerified: false,
        partnerKind: 'reseller',
      });
      expect(resellerFacts(fold(resellerDecider, [registered, verified]))?.emailVerified).toBe(true);
    });

    it('exposes the default payment method for purchases', () => {
      expect(defaultPaymentMethod(fold(resellerDecider, [registered, verified, cardAdded, cardIsDefault]))).toEqual({
        paymentMethodId: 'pm-card',
        kind: 'card',
        label: 'Visa •••• 4242',
      });
    });
  });
});

describe('paymentMethodFacts', () => {
  it('gives the default method, or a named one, in the purchase context shape', () => {
    const state = fold(resellerDecider, [registered, verified, cardAdded, cardIsDefault, achAdded]);
    expect(paymentMethodFacts(state)).toEqual({ id: 'pm-card', kind: 'card' });
    expect(paymentMethodFacts(state, 'pm-ach')).toEqual({ id: 'pm-ach', kind: 'ach' });
    expect(paymentMethodFacts(state, 'pm-nope')).toBeNull();
    expect(paymentMethodFacts(fold(resellerDecider, [registered]))).toBeNull();
  });
});
