import fc from 'fast-check';
import { isViolation } from '../../shared/decider';
import { quoteRenewal, subscriptionDecider } from '../index';
import {
  acme,
  asReseller,
  customer,
  decided,
  given,
  invoiceOf,
  proAnnual,
  proAnnualKwd,
  proMonthly,
  proMonthlyJpy,
  purchased,
  renew,
  stateAfter,
  system,
  teamsAnnual,
  teamsAnnualKwd,
  utc,
} from './fixtures';

const newPrice = { ...proAnnual, unitPrice: '108.00' };
const assign = (email: string) => ({
  type: 'AssignSeat' as const,
  subscriptionId: 'sub-1',
  email,
  now: utc('2026-02-01'),
  actor: asReseller(),
  context: { reseller: acme },
});

describe('RenewSubscription', () => {
  it("renews for the next anchored period at today's price and invoices the reseller", () => {
    given(purchased())
      .when(renew(utc('2027-01-10'), { plan: newPrice }))
      .then([
        {
          type: 'SubscriptionRenewed',
          data: {
            subscriptionId: 'sub-1',
            periodIndex: 1,
            periodStart: utc('2027-01-31'),
            periodEnd: utc('2028-01-31'),
            plan: { planId: 'gitlens-pro', product: 'GitLens', tier: 'pro' },
            unitPrice: '108.00',
            seats: 10,
            currency: 'USD',
            renewedAt: utc('2027-01-10'),
            invoiceId: 'inv-renew',
          },
        },
        {
          type: 'InvoiceIssued',
          data: {
            invoiceId: 'inv-renew',
            invoiceNumber: 'sub-1-2',
            subscriptionId: 'sub-1',
            reason: 'renewal',
            issuedAt: utc('2027-01-10'),
            issuedTo: { kind: 'reseller', id: 'acme', name: 'Acme Reseller', email: 'sales@acme.example' },
            channel: 'reseller',
            currency: 'USD',
            lines: [
              {
                kind: 'renewal',
                description: 'GitLens Pro, 10 seats, 2027-01-31 to 2028-01-31',
                currency: 'USD',
                unitPrice: '108.00',
                seats: 10,
                periodStart: utc('2027-01-31'),
                periodEnd: utc('2028-01-31'),
                effectiveDate: utc('2027-01-31'),
                remainingDays: 365,
                daysInPeriod: 365,
                amount: '1080.00',
              },
            ],
            total: '1080.00',
            payment: { methodId: 'pm-card', kind: 'card', terms: 'charged-immediately' },
          },
        },
      ]);
  });

  it('keeps the monthly anchor: Jan 31 → Feb 28 → Mar 31', () => {
    const events = decided(purchased({ context: { plan: proMonthly } }), renew(utc('2026-02-20'), { plan: proMonthly }));
    expect(events.find((e) => e.type === 'SubscriptionRenewed')!.data).toMatchObject({
      periodStart: utc('2026-02-28'),
      periodEnd: utc('2026-03-31'),
    });
  });

  it('is where a downgrade and fewer seats take effect', () => {
    const events = purchased({ seats: 10, context: { plan: teamsAnnual } });
    const renewed = decided(events, renew(utc('2027-01-10'), { plan: proAnnual, seats: 4 }));
    expect(invoiceOf(renewed.slice(events.length))).toMatchObject({ total: '384.00' });
  });

  it('may be charged by the billing system', () => {
    expect(
      isViolation(
        subscriptionDecider.decide(renew(utc('2027-01-30'), { actor: system, context: { plan: proAnnual } }), stateAfter(purchased())),
      ),
    ).toBe(false);
  });

  it('refuses renewing twice ahead', () => {
    given(decided(purchased(), renew(utc('2027-01-10'))))
      .when(renew(utc('2027-01-11'), { invoiceId: 'inv-x' }))
      .thenRefuses('already-renewed', /2028-01-31/);
  });
  it('refuses once the paid time is over (a new purchase is needed)', () => {
    given(purchased())
      .when(renew(utc('2027-01-31')))
      .thenRefuses('subscription-expired');
  });
  it('refuses a cancelled subscription', () => {
    const events = decided(purchased(), {
      type: 'CancelSubscription',
      subscriptionId: 'sub-1',
      now: utc('2026-05-01'),
      actor: asReseller(),
      context: { reseller: acme },
    });
    given(events)
      .when(renew(utc('2027-01-10')))
      .thenRefuses('subscription-cancelled');
  });
  it('refuses fewer seats than are assigned', () => {
    const events = decided(decided(purchased({ seats: 3 }), assign('a@globex.example')), assign('b@globex.example'));
    given(events)
      .when(renew(utc('2027-01-10'), { seats: 1 }))
      .thenRefuses('unassign-seats-first');
  });
  it('refuses a customer of the reseller (rule 8)', () => {
    given(purchased())
      .when(renew(utc('2027-01-10'), { actor: customer, context: { plan: proAnnual } }))
      .thenRefuses('customer-is-read-only', /Acme Reseller/);
  });
  it('refuses an unverified reseller (rule 1)', () => {
    given(purchased())
      .when(renew(utc('2027-01-10'), { context: { reseller: { ...acme, emailVerified: false }, plan: proAnnual } }))
      .thenRefuses('reseller-email-not-verified');
  });
  it('refuses another currency', () => {
    given(purchased())
      .when(renew(utc('2027-01-10'), { plan: teamsAnnualKwd }))
      .thenRefuses('currency-mismatch');
  });

  describe('renewal quote (rule 5)', () => {
    it('gives the annual total and the next charge date', () => {
      expect(quoteRenewal(stateAfter(purchased()), { now: utc('2026-06-01') })).toMatchObject({
        periodTotal: '960.00',
        annualTotal: '960.00',
        nextChargeDate: utc('2027-01-31'),
        periodStart: utc('2027-01-31'),
        periodEnd: utc('2028-01-31'),
        seats: 10,
      });
      expect(quoteRenewal(stateAfter(purchased({ context: { plan: proMonthly } })), { now: utc('2026-02-01') })).toMatchObject({
        periodTotal: '100.00',
        annualTotal: '1200.00',
        nextChargeDate: utc('2026-02-28'),
      });
    });

    it('equals what the renewal then charges (property)', () => {
      const plans = fc.constantFrom(
        [proAnnual, newPrice],
        [proMonthly, { ...proMonthly, unitPrice: '11.00' }],
        [proMonthlyJpy, proMonthlyJpy],
        [proAnnualKwd, proAnnualKwd],
      );
      fc.assert(
        fc.property(
          plans,
          fc.integer({ min: 1, max: 400 }),
          fc.double({ min: 0, max: 0.999, noNaN: true }),
          ([from, to], seats, fraction) => {
            const events = purchased({ seats, context: { plan: from } });
            const { periodStart, periodEnd } = events[0].data as { periodStart: string; periodEnd: string };
            const now = new Date(
              Date.parse(periodStart) + Math.floor((Date.parse(periodEnd) - Date.parse(periodStart)) * fraction),
            ).toISOString();
            const quote = quoteRenewal(stateAfter(events), { now, plan: to });
            const decision = subscriptionDecider.decide(renew(now, { plan: to }), stateAfter(events));
            if (isViolation(quote) || isViolation(decision)) throw new Error('refused');
            expect(invoiceOf(decision).total).toBe(quote.periodTotal);
            expect(decision[0].data).toMatchObject({ periodStart: quote.nextChargeDate, periodEnd: quote.periodEnd });
          },
        ),
      );
    });
  });
});
