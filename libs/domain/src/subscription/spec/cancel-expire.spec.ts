import { CancelSubscription, ExpireSubscription } from '../index';
import { acme, addSeats, asReseller, customer, decided, given, purchased, renew, support, system, utc } from './fixtures';

const cancel = (now: string, extra: Partial<CancelSubscription> = {}): CancelSubscription => ({
  type: 'CancelSubscription',
  subscriptionId: 'sub-1',
  now,
  actor: asReseller(),
  context: { reseller: acme },
  reason: 'customer moving off GitLens',
  ...extra,
});
const sweep = (now: string, extra: Partial<ExpireSubscription> = {}): ExpireSubscription => ({
  type: 'ExpireSubscription',
  subscriptionId: 'sub-1',
  now,
  actor: system,
  ...extra,
});

describe('CancelSubscription (effective at the end of the paid period)', () => {
  it('stops renewal but lets the paid period run out', () => {
    given(purchased())
      .when(cancel(utc('2026-05-01')))
      .then([
        {
          type: 'SubscriptionCancelled',
          data: {
            subscriptionId: 'sub-1',
            cancelledAt: utc('2026-05-01'),
            effectiveAt: utc('2027-01-31'),
            reason: 'customer moving off GitLens',
          },
        },
      ]);
  });
  it('runs to the end of a period already renewed ahead', () => {
    const events = decided(purchased(), renew(utc('2027-01-10')));
    given(events)
      .when(cancel(utc('2027-01-20'), { reason: undefined }))
      .then([
        {
          type: 'SubscriptionCancelled',
          data: { subscriptionId: 'sub-1', cancelledAt: utc('2027-01-20'), effectiveAt: utc('2028-01-31'), reason: null },
        },
      ]);
  });
  it('may be recorded by support', () => {
    given(purchased())
      .when(cancel(utc('2026-05-01'), { actor: support, context: {} }))
      .then([
        {
          type: 'SubscriptionCancelled',
          data: {
            subscriptionId: 'sub-1',
            cancelledAt: utc('2026-05-01'),
            effectiveAt: utc('2027-01-31'),
            reason: 'customer moving off GitLens',
          },
        },
      ]);
  });
  it('refuses cancelling twice', () => {
    given(decided(purchased(), cancel(utc('2026-05-01'))))
      .when(cancel(utc('2026-06-01')))
      .thenRefuses('already-cancelled');
  });
  it('refuses a customer of the reseller (rule 8)', () => {
    given(purchased())
      .when(cancel(utc('2026-05-01'), { actor: customer, context: {} }))
      .thenRefuses('customer-is-read-only', /ask them to make the change/);
  });
  it('refuses an unverified reseller (rule 1)', () => {
    given(purchased())
      .when(cancel(utc('2026-05-01'), { context: { reseller: { ...acme, emailVerified: false } } }))
      .thenRefuses('reseller-email-not-verified');
  });
  it('refuses a vendor admin', () => {
    given(purchased())
      .when(cancel(utc('2026-05-01'), { actor: { kind: 'vendor-admin', id: 'v' }, context: {} }))
      .thenRefuses('actor-not-allowed');
  });
  it('refuses an ended subscription', () => {
    given(purchased())
      .when(cancel(utc('2027-03-01')))
      .thenRefuses('subscription-expired');
  });
  it('refuses an unknown subscription', () => {
    given([])
      .when(cancel(utc('2026-05-01')))
      .thenRefuses('subscription-not-found');
  });
});

describe('ExpireSubscription (idempotent sweep)', () => {
  it('does nothing while paid time remains', () => {
    given(purchased()).when(sweep('2027-01-30T23:59:59.999Z')).then([]);
  });

  it('records the expiry at the end of the paid period, whenever the sweep runs', () => {
    given(purchased())
      .when(sweep(utc('2027-02-03')))
      .then([
        {
          type: 'SubscriptionExpired',
          data: { subscriptionId: 'sub-1', expiredAt: utc('2027-01-31'), sweptAt: utc('2027-02-03'), reason: 'not-renewed' },
        },
      ]);
  });

  it('expires exactly at the end of the period', () => {
    given(purchased())
      .when(sweep(utc('2027-01-31')))
      .then([
        {
          type: 'SubscriptionExpired',
          data: { subscriptionId: 'sub-1', expiredAt: utc('2027-01-31'), sweptAt: utc('2027-01-31'), reason: 'not-renewed' },
        },
      ]);
  });

  it('says a cancelled subscription expired because it was cancelled', () => {
    const events = decided(purchased(), cancel(utc('2026-05-01')));
    given(events)
      .when(sweep(utc('2027-02-01')))
      .then([
        {
          type: 'SubscriptionExpired',
          data: { subscriptionId: 'sub-1', expiredAt: utc('2027-01-31'), sweptAt: utc('2027-02-01'), reason: 'cancelled' },
        },
      ]);
  });

  it('records nothing the second time', () => {
    given(decided(purchased(), sweep(utc('2027-02-01'))))
      .when(sweep(utc('2027-02-02')))
      .then([]);
  });
  it('does not expire a renewed subscription', () => {
    given(decided(purchased(), renew(utc('2027-01-10'))))
      .when(sweep(utc('2027-02-01')))
      .then([]);
  });
  it('records nothing for an unknown subscription', () => {
    given([])
      .when(sweep(utc('2027-02-01')))
      .then([]);
  });
  it('is a sweep, not something a reseller or customer does', () => {
    given(purchased())
      .when(sweep(utc('2027-02-01'), { actor: customer }))
      .thenRefuses('customer-is-read-only');
    given(purchased())
      .when({ ...sweep(utc('2027-02-01'), { actor: asReseller() }), context: { reseller: acme } } as ExpireSubscription)
      .thenRefuses('actor-not-allowed');
  });
  it('after expiry, nothing more is sold on it', () => {
    given(decided(purchased(), sweep(utc('2027-02-01'))))
      .when(addSeats(1, utc('2027-02-01')))
      .thenRefuses('subscription-expired');
  });
});
