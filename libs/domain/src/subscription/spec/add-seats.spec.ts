import fc from 'fast-check';
import { isViolation } from '../../shared/decider';
import { quoteUpgrade, subscriptionDecider } from '../index';
import {
  acme,
  addSeats,
  asReseller,
  customer,
  decided,
  given,
  invoiceOf,
  invoiceTerms,
  otherReseller,
  proAnnual,
  proMonthly,
  proMonthlyJpy,
  purchased,
  renew,
  stateAfter,
  teamsAnnualKwd,
  utc,
} from './fixtures';

const monthly = () => purchased({ context: { plan: proMonthly } });

describe('AddSeats (rule 4: immediate, prorated against the initial billing cycle)', () => {
  it('adds seats at once and invoices the rest of a 28-day February period', () => {
    given(monthly())
      .when(addSeats(3, '2026-02-14T16:30:00.000Z'))
      .then([
        {
          type: 'SeatsPurchased',
          data: {
            subscriptionId: 'sub-1',
            seatsAdded: 3,
            seatsBefore: 10,
            seatsAfter: 13,
            effectiveAt: '2026-02-14T16:30:00.000Z',
            invoiceId: 'inv-2',
          },
        },
        {
          type: 'InvoiceIssued',
          data: {
            invoiceId: 'inv-2',
            invoiceNumber: 'sub-1-2',
            subscriptionId: 'sub-1',
            reason: 'added-seats',
            issuedAt: '2026-02-14T16:30:00.000Z',
            issuedTo: { kind: 'reseller', id: 'acme', name: 'Acme Reseller', email: 'sales@acme.example' },
            channel: 'reseller',
            currency: 'USD',
            lines: [
              {
                kind: 'added-seats',
                description: '3 added seats of GitLens Pro, 2026-02-14 to 2026-02-28',
                currency: 'USD',
                unitPrice: '10.00',
                seats: 3,
                periodStart: utc('2026-01-31'),
                periodEnd: utc('2026-02-28'),
                effectiveDate: '2026-02-14T16:30:00.000Z',
                // 10.00 × 3 × 14 / 28
                remainingDays: 14,
                daysInPeriod: 28,
                amount: '15.00',
              },
            ],
            total: '15.00',
            payment: { methodId: 'pm-card', kind: 'card', terms: 'charged-immediately' },
          },
        },
      ]);
  });

  it('prorates against the anchored cycle in a later month (Feb 28 → Mar 31, 31 days)', () => {
    const events = decided(monthly(), renew('2026-02-20T00:00:00.000Z', { plan: proMonthly }));
    const invoice = invoiceOf(
      subscriptionDecider.decide(addSeats(1, utc('2026-03-30'), { invoiceId: 'inv-3' }), stateAfter(events)) as never,
    );
    expect(invoice.lines).toHaveLength(1);
    // 10.00 × 1 × 1 / 31 = 0.3225… → 0.32
    expect(invoice.lines[0]).toMatchObject({
      periodStart: utc('2026-02-28'),
      periodEnd: utc('2026-03-31'),
      remainingDays: 1,
      daysInPeriod: 31,
      amount: '0.32',
    });
  });

  it('prorates an annual subscription: 96.00 × 2 × 169 / 365 = 88.90', () => {
    const invoice = invoiceOf(subscriptionDecider.decide(addSeats(2, utc('2026-08-15')), stateAfter(purchased())) as never);
    expect(invoice.lines[0]).toMatchObject({ remainingDays: 169, daysInPeriod: 365, amount: '88.90' });
  });

  it('prorates in JPY (no minor unit): 1200 × 3 × 14 / 28 = 1800', () => {
    const events = purchased({ context: { plan: proMonthlyJpy } });
    expect(invoiceOf(subscriptionDecider.decide(addSeats(3, utc('2026-02-14')), stateAfter(events)) as never).total).toBe('1800');
  });

  it('charges the rest of this period and all of a period already renewed ahead', () => {
    const events = decided(purchased(), renew(utc('2027-01-10')));
    const invoice = invoiceOf(
      subscriptionDecider.decide(addSeats(1, utc('2027-01-21'), { invoiceId: 'inv-3' }), stateAfter(events)) as never,
    );
    expect(invoice.lines.map((l) => [l.periodStart, l.remainingDays, l.daysInPeriod, l.amount])).toEqual([
      [utc('2026-01-31'), 10, 365, '2.63'],
      [utc('2027-01-31'), 365, 365, '96.00'],
    ]);
    expect(invoice.total).toBe('98.63');
  });

  it('makes the seats usable immediately', () => {
    const events = decided(purchased(), addSeats(5, utc('2026-03-01')));
    const state = stateAfter(events);
    expect(state.status === 'active' && state.periods[0].seats).toBe(15);
  });

  it('refuses a customer of the reseller (rule 8)', () => {
    given(purchased())
      .when(addSeats(1, utc('2026-03-01'), { actor: customer, context: {} }))
      .thenRefuses('customer-is-read-only', /bought through Acme Reseller; ask them to make the change/);
  });
  it('refuses an unverified reseller (rule 1)', () => {
    given(purchased())
      .when(addSeats(1, utc('2026-03-01'), { context: { reseller: { ...acme, emailVerified: false } } }))
      .thenRefuses('reseller-email-not-verified');
  });
  it('hides the subscription from another reseller', () => {
    given(purchased())
      .when(addSeats(1, utc('2026-03-01'), { actor: asReseller(otherReseller), context: { reseller: otherReseller } }))
      .thenRefuses('subscription-not-found');
  });
  it('refuses zero seats', () => {
    given(purchased())
      .when(addSeats(0, utc('2026-03-01')))
      .thenRefuses('invalid-seat-count');
  });
  it('refuses more than 100000 seats in one go (a typo, not a deal)', () => {
    given(purchased())
      .when(addSeats(100_001, utc('2026-03-01')))
      .thenRefuses('too-many-seats', /At most 100000 seats to add/);
    given(purchased())
      .when(addSeats(100_000, utc('2026-03-01')))
      .then(expect.any(Array));
  });
  it('refuses an unknown subscription', () => {
    given([])
      .when(addSeats(1, utc('2026-03-01')))
      .thenRefuses('subscription-not-found');
  });
  it('refuses once the paid time is over, even before the sweep ran', () => {
    given(purchased())
      .when(addSeats(1, utc('2027-01-31')))
      .thenRefuses('subscription-expired');
  });
  it('refuses on a cancelled subscription', () => {
    const events = decided(purchased(), {
      type: 'CancelSubscription',
      subscriptionId: 'sub-1',
      now: utc('2026-03-01'),
      actor: asReseller(),
      context: { reseller: acme },
    });
    given(events)
      .when(addSeats(1, utc('2026-04-01')))
      .thenRefuses('subscription-cancelled');
  });
  it('refuses paying on invoice below Enterprise (rule 6)', () => {
    given(purchased())
      .when(addSeats(1, utc('2026-03-01'), { context: { reseller: acme, paymentMethod: invoiceTerms } }))
      .thenRefuses('invoicing-enterprise-only');
  });

  it('charges exactly what the upgrade quote said (rule 5, property)', () => {
    const plans = fc.constantFrom(proAnnual, proMonthly, proMonthlyJpy, teamsAnnualKwd);
    fc.assert(
      fc.property(
        plans,
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (plan, seats, added, fraction) => {
          const events = purchased({ seats, context: { plan } });
          const state = stateAfter(events);
          const { periodStart, periodEnd } = events[0].data as { periodStart: string; periodEnd: string };
          const now = new Date(
            Date.parse(periodStart) + Math.floor((Date.parse(periodEnd) - Date.parse(periodStart)) * fraction),
          ).toISOString();
          const quote = quoteUpgrade(state, { addSeats: added, now });
          const decision = subscriptionDecider.decide(addSeats(added, now), state);
          if (isViolation(quote) || isViolation(decision)) throw new Error('refused');
          expect(invoiceOf(decision).total).toBe(quote.dueNow);
          expect(quote.seats).toBe(seats + added);
        },
      ),
    );
  });
});
