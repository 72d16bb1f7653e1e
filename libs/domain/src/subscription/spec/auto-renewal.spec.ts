import { isViolation } from '../../shared/decider';
import { specFor } from '../../testing/given';
import {
  ChargeRenewal,
  DUNNING_RETRY_DAYS,
  quoteRenewal,
  RemindRenewal,
  RenewalCharge,
  SetAutoRenewal,
  subscriptionDecider,
  subscriptionRenewalDecider,
  SubscriptionStreamEvent,
} from '../index';
import { fold } from '../../shared/decider';
import {
  acme,
  asReseller,
  customer,
  enterpriseAnnual,
  invoiceTerms,
  otherReseller,
  proAnnual,
  purchased,
  renew,
  support,
  system,
  utc,
} from './fixtures';

const given = specFor(subscriptionRenewalDecider);
const stateOf = (events: readonly SubscriptionStreamEvent[]) => fold(subscriptionRenewalDecider, events);
/** Appends what a command decides (it must not be refused). */
function then(
  events: readonly SubscriptionStreamEvent[],
  command: Parameters<typeof subscriptionRenewalDecider.decide>[0],
): SubscriptionStreamEvent[] {
  const decision = subscriptionRenewalDecider.decide(command, stateOf(events));
  if (isViolation(decision)) throw new Error(`refused: ${decision.code}: ${decision.message}`);
  return [...events, ...decision];
}

// Purchased 2026-01-31 (fixtures), paid through 2027-01-31.
const TERM_END = utc('2027-01-31');
const autoRenewal = (enabled: boolean, now = utc('2026-02-01'), extra: Partial<SetAutoRenewal> = {}): SetAutoRenewal => ({
  type: 'SetAutoRenewal',
  subscriptionId: 'sub-1',
  enabled,
  now,
  actor: asReseller(),
  context: { reseller: acme },
  ...extra,
});
const remind = (daysBefore: number, now: string, extra: Partial<RemindRenewal> = {}): RemindRenewal => ({
  type: 'RemindRenewal',
  subscriptionId: 'sub-1',
  termEnd: TERM_END,
  daysBefore,
  now,
  actor: { kind: 'system', id: 'reminders' },
  context: { plan: proAnnual },
  ...extra,
});
const approved = (amount: string, chargeId = 'ch_1'): RenewalCharge => ({ status: 'approved', chargeId, amount, currency: 'USD' });
const declined: RenewalCharge = { status: 'declined', code: 'card-declined', reason: 'The card was declined.' };
const charge = (now: string, result: RenewalCharge, extra: Partial<ChargeRenewal> = {}): ChargeRenewal => ({
  type: 'ChargeRenewal',
  subscriptionId: 'sub-1',
  invoiceId: `inv-${now}`,
  termEnd: TERM_END,
  now,
  actor: { kind: 'system', id: 'subscription-renewal' },
  context: { plan: proAnnual, paymentMethod: { id: 'pm-card', kind: 'card' }, charge: result },
  ...extra,
});
const autoRenewing = () => then(purchased(), autoRenewal(true));
const acmeOwner = { kind: 'reseller' as const, id: 'acme', name: 'Acme Reseller', email: 'sales@acme.example' };

describe('SetAutoRenewal (seed 004: renewals are charged to the default payment method)', () => {
  it('turns charging at term end on and says which term end it applies to', () => {
    given(purchased())
      .when(autoRenewal(true))
      .then([
        { type: 'AutoRenewalChanged', data: { subscriptionId: 'sub-1', enabled: true, termEnd: TERM_END, changedAt: utc('2026-02-01') } },
      ]);
    expect(stateOf(autoRenewing())).toMatchObject({ autoRenewal: true });
  });
  it('records nothing when it is already so (off by default)', () => {
    given(purchased()).when(autoRenewal(false)).then([]);
    given(autoRenewing())
      .when(autoRenewal(true, utc('2026-03-01')))
      .then([]);
  });
  it('turns it off again', () => {
    given(autoRenewing())
      .when(autoRenewal(false, utc('2026-03-01')))
      .then([
        { type: 'AutoRenewalChanged', data: { subscriptionId: 'sub-1', enabled: false, termEnd: TERM_END, changedAt: utc('2026-03-01') } },
      ]);
  });
  it('may be set by support, never by the customer of a reseller (rule 8) or another reseller', () => {
    given(purchased())
      .when(autoRenewal(true, utc('2026-02-01'), { actor: support, context: {} }))
      .then([
        { type: 'AutoRenewalChanged', data: { subscriptionId: 'sub-1', enabled: true, termEnd: TERM_END, changedAt: utc('2026-02-01') } },
      ]);
    given(purchased())
      .when(autoRenewal(true, utc('2026-02-01'), { actor: customer, context: {} }))
      .thenRefuses('customer-is-read-only');
    given(purchased())
      .when(autoRenewal(true, utc('2026-02-01'), { actor: asReseller(otherReseller), context: { reseller: otherReseller } }))
      .thenRefuses('subscription-not-found');
    given(purchased())
      .when(autoRenewal(true, utc('2026-02-01'), { context: { reseller: { ...acme, emailVerified: false } } }))
      .thenRefuses('reseller-email-not-verified');
  });
  it('is not turned on for a cancelled or ended subscription; a cancelled one may still turn it off', () => {
    const cancelled = [
      ...autoRenewing(),
      ...(subscriptionDecider.decide(
        { type: 'CancelSubscription', subscriptionId: 'sub-1', now: utc('2026-05-01'), actor: asReseller(), context: { reseller: acme } },
        stateOf(autoRenewing()),
      ) as SubscriptionStreamEvent[]),
    ];
    given(purchased())
      .when(autoRenewal(true, utc('2027-02-01')))
      .thenRefuses('subscription-expired');
    given(cancelled.filter((e) => e.type !== 'AutoRenewalChanged'))
      .when(autoRenewal(true, utc('2026-06-01')))
      .thenRefuses('subscription-cancelled');
    given(cancelled)
      .when(autoRenewal(false, utc('2026-06-01')))
      .then([
        { type: 'AutoRenewalChanged', data: { subscriptionId: 'sub-1', enabled: false, termEnd: TERM_END, changedAt: utc('2026-06-01') } },
      ]);
  });
  it('may be turned off while the dunning retries run (the subscription then expires at the next attempt), not on', () => {
    const failing = then(autoRenewing(), charge(TERM_END, declined));
    given(failing)
      .when(autoRenewal(true, utc('2027-02-01')))
      .thenRefuses('subscription-expired');
    const off = then(failing, autoRenewal(false, utc('2027-02-01')));
    given(off)
      .when(charge(utc('2027-02-01'), declined))
      .then([
        {
          type: 'SubscriptionExpired',
          data: { subscriptionId: 'sub-1', expiredAt: TERM_END, sweptAt: utc('2027-02-01'), reason: 'not-renewed' },
        },
      ]);
    const lapsed = then(failing, charge(utc('2027-02-01'), declined));
    const ended = [
      ...lapsed,
      ...(subscriptionDecider.decide(
        { type: 'ExpireSubscription', subscriptionId: 'sub-1', now: utc('2027-02-02'), actor: system },
        stateOf(lapsed),
      ) as SubscriptionStreamEvent[]),
    ];
    given(ended)
      .when(autoRenewal(false, utc('2027-02-03')))
      .thenRefuses('subscription-expired');
  });
  it('refuses an unknown subscription', () => {
    given([]).when(autoRenewal(true)).thenRefuses('subscription-not-found');
  });
});

describe('RemindRenewal (30 and 7 days before term end, once each)', () => {
  it('records the reminder to the invoice owner with what renewing will cost (the renewal quote)', () => {
    const events = autoRenewing();
    const quote = quoteRenewal(stateOf(events), { now: utc('2027-01-01'), plan: proAnnual });
    if (isViolation(quote)) throw new Error('quote refused');
    given(events)
      .when(remind(30, utc('2027-01-01')))
      .then([
        {
          type: 'RenewalReminded',
          data: {
            subscriptionId: 'sub-1',
            organizationId: 'org-globex',
            organizationName: 'Globex',
            termEnd: TERM_END,
            daysBefore: 30,
            invoiceOwner: acmeOwner,
            autoRenewal: true,
            renewal: {
              plan: { planId: 'gitlens-pro', product: 'GitLens', tier: 'pro' },
              seats: 10,
              unitPrice: '96.00',
              currency: 'USD',
              periodStart: TERM_END,
              periodEnd: utc('2028-01-31'),
              total: quote.periodTotal,
            },
            remindedAt: utc('2027-01-01'),
          },
        },
      ]);
    expect(quote.periodTotal).toBe('960.00');
  });
  it('is recorded once per term end and distance, however often it is sent', () => {
    const reminded = then(purchased(), remind(30, utc('2027-01-01')));
    given(reminded)
      .when(remind(30, utc('2027-01-01')))
      .then([]);
    given(reminded)
      .when(remind(7, utc('2027-01-24')))
      .then([expect.objectContaining({ type: 'RenewalReminded' }) as never]);
  });
  it('says when auto-renewal is off, and has no price when the plan is no longer sold', () => {
    const [event] = subscriptionRenewalDecider.decide(
      remind(7, utc('2027-01-24'), { context: { plan: null } }),
      stateOf(purchased()),
    ) as SubscriptionStreamEvent[];
    expect(event.data).toMatchObject({ autoRenewal: false, renewal: null });
  });
  it('records nothing for a cancelled subscription, a term already renewed, or once the term is over', () => {
    const cancelledEvents = [
      ...purchased(),
      ...(subscriptionDecider.decide(
        { type: 'CancelSubscription', subscriptionId: 'sub-1', now: utc('2026-05-01'), actor: asReseller(), context: { reseller: acme } },
        stateOf(purchased()),
      ) as SubscriptionStreamEvent[]),
    ];
    given(cancelledEvents)
      .when(remind(30, utc('2027-01-01')))
      .then([]);
    given(purchased())
      .when(remind(30, utc('2027-01-01'), { termEnd: utc('2028-01-31') }))
      .then([]);
    given(purchased())
      .when(remind(7, utc('2027-02-01')))
      .then([]);
  });
  it('is the ledger talking: nobody else sends it', () => {
    given(purchased())
      .when(remind(30, utc('2027-01-01'), { actor: asReseller() }))
      .thenRefuses('actor-not-allowed');
    given(purchased())
      .when(remind(30, utc('2027-01-01'), { actor: customer }))
      .thenRefuses('customer-is-read-only');
  });
});

describe('ChargeRenewal (auto-renewal at term end, dunning, lapse)', () => {
  it('renews at term end for exactly the renewal quote given a week before, invoiced to the invoice owner', () => {
    const events = autoRenewing();
    const quote = quoteRenewal(stateOf(events), { now: utc('2027-01-24'), plan: proAnnual });
    if (isViolation(quote)) throw new Error('quote refused');
    const renewed = then(events, charge(TERM_END, approved(quote.periodTotal, 'ch_renewal')));
    const [period, invoice] = renewed.slice(events.length);
    expect(period).toEqual({
      type: 'SubscriptionRenewed',
      data: {
        subscriptionId: 'sub-1',
        periodIndex: 1,
        periodStart: quote.periodStart,
        periodEnd: quote.periodEnd,
        plan: { planId: 'gitlens-pro', product: 'GitLens', tier: 'pro' },
        unitPrice: '96.00',
        seats: 10,
        currency: 'USD',
        renewedAt: TERM_END,
        invoiceId: `inv-${TERM_END}`,
      },
    });
    expect(invoice.data).toMatchObject({
      reason: 'renewal',
      issuedAt: TERM_END,
      total: quote.periodTotal,
      lines: quote.lines,
      issuedTo: acmeOwner,
      payment: { methodId: 'pm-card', kind: 'card', terms: 'charged-immediately', chargeId: 'ch_renewal' },
    });
    const after = stateOf(renewed);
    expect(after.status).toBe('active');
    expect(after.status !== 'none' && after.dunning).toBeFalsy();
  });

  it('records a declined charge and the next attempt, then retries on 1, 3 and 7 days and lets the subscription lapse', () => {
    let events = autoRenewing();
    const attemptAt = [TERM_END, ...DUNNING_RETRY_DAYS.map((d) => new Date(Date.parse(TERM_END) + d * 86_400_000).toISOString())];
    expect(attemptAt).toEqual([utc('2027-01-31'), utc('2027-02-01'), utc('2027-02-03'), utc('2027-02-07')]);
    for (const [i, at] of attemptAt.entries()) {
      const before = events.length;
      events = then(events, charge(at, declined));
      const recorded = events.slice(before);
      expect(recorded[0]).toEqual({
        type: 'RenewalChargeFailed',
        data: {
          subscriptionId: 'sub-1',
          organizationId: 'org-globex',
          organizationName: 'Globex',
          termEnd: TERM_END,
          attempt: i + 1,
          amount: '960.00',
          currency: 'USD',
          paymentMethod: { id: 'pm-card', kind: 'card' },
          declineCode: 'card-declined',
          reason: 'The card was declined.',
          invoiceOwner: acmeOwner,
          failedAt: at,
          nextAttemptAt: attemptAt[i + 1] ?? null,
        },
      });
      if (i < 3) expect(recorded).toHaveLength(1);
    }
    expect(events.at(-1)).toEqual({
      type: 'SubscriptionExpired',
      data: { subscriptionId: 'sub-1', expiredAt: TERM_END, sweptAt: utc('2027-02-07'), reason: 'payment-failed' },
    });
    expect(stateOf(events)).toMatchObject({ status: 'expired', expiryReason: 'payment-failed' });
    given(events)
      .when(charge(utc('2027-02-08'), approved('960.00')))
      .then([]);
  });

  it('renews from the term end when a retry goes through (no day lost, none charged twice)', () => {
    const failedOnce = then(autoRenewing(), charge(TERM_END, declined));
    const renewed = then(failedOnce, charge(utc('2027-02-01'), approved('960.00', 'ch_retry')));
    expect(renewed.slice(failedOnce.length).map((e) => e.type)).toEqual(['SubscriptionRenewed', 'InvoiceIssued']);
    expect(renewed.at(-2)!.data).toMatchObject({ periodStart: TERM_END, periodEnd: utc('2028-01-31'), renewedAt: utc('2027-02-01') });
    expect(stateOf(renewed)).toMatchObject({ dunning: null });
    // The next term end starts a fresh count.
    const nextYear = then(renewed, charge(utc('2028-01-31'), declined, { termEnd: utc('2028-01-31') }));
    expect(nextYear.at(-1)!.data).toMatchObject({ attempt: 1, termEnd: utc('2028-01-31') });
  });

  it('lets a subscription without auto-renewal, or a cancelled one, expire at its term end', () => {
    given(purchased())
      .when(charge(TERM_END, declined))
      .then([
        { type: 'SubscriptionExpired', data: { subscriptionId: 'sub-1', expiredAt: TERM_END, sweptAt: TERM_END, reason: 'not-renewed' } },
      ]);
    const cancelled = [
      ...autoRenewing(),
      ...(subscriptionDecider.decide(
        { type: 'CancelSubscription', subscriptionId: 'sub-1', now: utc('2026-05-01'), actor: asReseller(), context: { reseller: acme } },
        stateOf(autoRenewing()),
      ) as SubscriptionStreamEvent[]),
    ];
    given(cancelled)
      .when(charge(TERM_END, declined))
      .then([
        { type: 'SubscriptionExpired', data: { subscriptionId: 'sub-1', expiredAt: TERM_END, sweptAt: TERM_END, reason: 'cancelled' } },
      ]);
    given(cancelled)
      .when(charge(TERM_END, approved('960.00')))
      .thenRefuses('renewal-charged-after-cancellation');
  });

  it('records nothing for a term already renewed (ahead, by the reseller) and refuses to charge before the term end', () => {
    const renewedAhead = [
      ...autoRenewing(),
      ...(subscriptionDecider.decide(renew(utc('2027-01-10')), stateOf(autoRenewing())) as SubscriptionStreamEvent[]),
    ];
    given(renewedAhead)
      .when(charge(TERM_END, approved('960.00')))
      .then([]);
    given(renewedAhead)
      .when(remind(7, utc('2027-01-24')))
      .then([]);
    given(autoRenewing())
      .when(charge(utc('2027-01-30'), approved('960.00')))
      .thenRefuses('renewal-not-due');
  });

  it('refuses a charge of another amount than the renewal costs', () => {
    given(autoRenewing())
      .when(charge(TERM_END, approved('959.99')))
      .thenRefuses('charge-amount-mismatch');
  });

  it('renews Enterprise on net terms without a charge', () => {
    const events = then(purchased({ context: { plan: enterpriseAnnual, paymentMethod: invoiceTerms } }), autoRenewal(true));
    const renewed = then(
      events,
      charge(
        TERM_END,
        { status: 'net-terms' },
        {
          context: { plan: enterpriseAnnual, paymentMethod: invoiceTerms, charge: { status: 'net-terms' } },
        },
      ),
    );
    expect(renewed.at(-1)!.data).toMatchObject({ reason: 'renewal', total: '4800.00', payment: { kind: 'invoice', terms: 'net-terms' } });
  });

  it('counts a renewal that cannot be priced (plan retired) as a failed attempt', () => {
    const failed = then(
      autoRenewing(),
      charge(
        TERM_END,
        { status: 'declined', code: 'plan-retired', reason: 'GitLens pro is no longer sold.' },
        {
          context: {
            plan: null,
            paymentMethod: { id: 'pm-card', kind: 'card' },
            charge: { status: 'declined', code: 'plan-retired', reason: 'GitLens pro is no longer sold.' },
          },
        },
      ),
    );
    expect(failed.at(-1)!.data).toMatchObject({ attempt: 1, amount: null, declineCode: 'plan-retired', nextAttemptAt: utc('2027-02-01') });
  });

  it('is the billing system: a reseller or support cannot send it', () => {
    given(autoRenewing())
      .when(charge(TERM_END, approved('960.00'), { actor: asReseller() }))
      .thenRefuses('actor-not-allowed');
    given(autoRenewing())
      .when(charge(TERM_END, approved('960.00'), { actor: support }))
      .thenRefuses('actor-not-allowed');
    given(autoRenewing())
      .when(charge(TERM_END, approved('960.00'), { actor: system }))
      .then([
        expect.objectContaining({ type: 'SubscriptionRenewed' }) as never,
        expect.objectContaining({ type: 'InvoiceIssued' }) as never,
      ]);
  });
});
