import fc from 'fast-check';
import { isViolation } from '../../shared/decider';
import { sumAmounts } from '../../money/amount';
import { quoteUpgrade, subscriptionDecider } from '../index';
import {
  acme,
  addSeats,
  advancedAnnual,
  changePlan,
  customer,
  decided,
  enterpriseAnnual,
  given,
  invoiceOf,
  invoiceTerms,
  proAnnual,
  proAnnualKwd,
  proMonthly,
  purchased,
  stateAfter,
  teamsAnnual,
  teamsAnnualKwd,
  teamsMonthly,
  utc,
} from './fixtures';

describe('ChangePlan', () => {
  it('upgrades at once, crediting the unused old plan and charging the new one for the same days', () => {
    given(purchased())
      .when(changePlan(teamsAnnual, utc('2026-08-15')))
      .then([
        {
          type: 'PlanChanged',
          data: {
            subscriptionId: 'sub-1',
            from: { planId: 'gitlens-pro', product: 'GitLens', tier: 'pro', unitPrice: '96.00' },
            to: { planId: 'gitlens-teams', product: 'GitLens', tier: 'teams', unitPrice: '144.00' },
            seats: 10,
            effectiveAt: utc('2026-08-15'),
            invoiceId: 'inv-2',
          },
        },
        {
          type: 'InvoiceIssued',
          data: {
            invoiceId: 'inv-2',
            invoiceNumber: 'sub-1-2',
            subscriptionId: 'sub-1',
            reason: 'plan-change',
            issuedAt: utc('2026-08-15'),
            issuedTo: { kind: 'reseller', id: 'acme', name: 'Acme Reseller', email: 'sales@acme.example' },
            channel: 'reseller',
            currency: 'USD',
            lines: [
              {
                kind: 'plan-change-credit',
                description: 'Unused time on GitLens Pro, 10 seats, 2026-08-15 to 2027-01-31',
                currency: 'USD',
                unitPrice: '-96.00',
                seats: 10,
                periodStart: utc('2026-01-31'),
                periodEnd: utc('2027-01-31'),
                effectiveDate: utc('2026-08-15'),
                remainingDays: 169,
                daysInPeriod: 365,
                amount: '-444.49',
              },
              {
                kind: 'plan-change-charge',
                description: 'GitLens Teams, 10 seats, 2026-08-15 to 2027-01-31',
                currency: 'USD',
                unitPrice: '144.00',
                seats: 10,
                periodStart: utc('2026-01-31'),
                periodEnd: utc('2027-01-31'),
                effectiveDate: utc('2026-08-15'),
                remainingDays: 169,
                daysInPeriod: 365,
                amount: '666.74',
              },
            ],
            total: '222.25',
            payment: { methodId: 'pm-card', kind: 'card', terms: 'charged-immediately' },
          },
        },
      ]);
  });

  it('prorates in KWD with three decimals', () => {
    const events = purchased({ seats: 4, context: { plan: proAnnualKwd } });
    const invoice = invoiceOf(subscriptionDecider.decide(changePlan(teamsAnnualKwd, utc('2026-08-15')), stateAfter(events)) as never);
    expect(invoice.lines.map((l) => l.amount)).toEqual(['-56.025', '83.574']);
    expect(invoice.total).toBe('27.549');
  });

  it('later seat additions are priced on the new plan', () => {
    const events = decided(purchased(), changePlan(teamsAnnual, utc('2026-08-15')));
    const invoice = invoiceOf(
      subscriptionDecider.decide(addSeats(1, utc('2026-08-15'), { invoiceId: 'inv-3' }), stateAfter(events)) as never,
    );
    expect(invoice.lines[0].unitPrice).toBe('144.00');
    expect(invoice.invoiceNumber).toBe('sub-1-3');
  });

  it('refuses a downgrade mid-term rather than issuing a negative invoice', () => {
    const events = purchased({ context: { plan: teamsAnnual } });
    given(events)
      .when(changePlan(proAnnual, utc('2026-08-15')))
      .thenRefuses('downgrade-at-renewal-only', /give back 222.25 USD/);
  });
  it('refuses the plan it is already on', () => {
    given(purchased())
      .when(changePlan(proAnnual, utc('2026-03-01')))
      .thenRefuses('same-plan');
  });
  it('refuses another billing period', () => {
    given(purchased())
      .when(changePlan(teamsMonthly, utc('2026-03-01')))
      .thenRefuses('billing-period-change-not-supported');
  });
  it('refuses another currency', () => {
    given(purchased())
      .when(changePlan(teamsAnnualKwd, utc('2026-03-01')))
      .thenRefuses('currency-mismatch');
  });
  it("refuses another vendor's plan", () => {
    given(purchased())
      .when(changePlan({ ...teamsAnnual, vendorId: 'mirantis' }, utc('2026-03-01')))
      .thenRefuses('plan-from-another-vendor');
  });
  it('refuses a customer of the reseller (rule 8)', () => {
    given(purchased())
      .when(changePlan(teamsAnnual, utc('2026-03-01'), { actor: customer, context: { plan: teamsAnnual } }))
      .thenRefuses('customer-is-read-only', /Acme Reseller/);
  });
  it('refuses an unverified reseller (rule 1)', () => {
    given(purchased())
      .when(changePlan(teamsAnnual, utc('2026-03-01'), { context: { reseller: { ...acme, emailVerified: false }, plan: teamsAnnual } }))
      .thenRefuses('reseller-email-not-verified');
  });
  it('rule 6: leaving Enterprise while paying on invoice is refused', () => {
    const events = purchased({ context: { plan: { ...enterpriseAnnual, unitPrice: '100.00' }, paymentMethod: invoiceTerms } });
    given(events)
      .when(changePlan(advancedAnnual, utc('2026-03-01')))
      .thenRefuses('invoicing-enterprise-only');
  });
  it('refuses after the paid time is over', () => {
    given(purchased())
      .when(changePlan(teamsAnnual, utc('2027-02-01')))
      .thenRefuses('subscription-expired');
  });

  it('charges exactly what the upgrade quote said (rule 5, property)', () => {
    const upgrades = fc.constantFrom(
      [proAnnual, teamsAnnual],
      [proAnnual, enterpriseAnnual],
      [proMonthly, teamsMonthly],
      [proAnnualKwd, teamsAnnualKwd],
    );
    fc.assert(
      fc.property(
        upgrades,
        fc.integer({ min: 1, max: 300 }),
        fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        ([from, to], seats, added, fraction) => {
          const events = purchased({ seats, context: { plan: from } });
          const { periodStart, periodEnd } = events[0].data as { periodStart: string; periodEnd: string };
          const now = new Date(
            Date.parse(periodStart) + Math.floor((Date.parse(periodEnd) - Date.parse(periodStart)) * fraction),
          ).toISOString();
          const quote = quoteUpgrade(stateAfter(events), { addSeats: added, newPlan: to, now });
          if (isViolation(quote)) throw new Error(quote.message);
          // The same upgrade bought as commands: AddSeats (if any), then ChangePlan.
          const afterSeats = added === undefined ? events : decided(events, addSeats(added, now));
          const planChange = subscriptionDecider.decide(changePlan(to, now, { invoiceId: 'inv-3' }), stateAfter(afterSeats));
          if (isViolation(planChange)) throw new Error(planChange.message);
          const charged = [...afterSeats.slice(events.length), ...planChange].flatMap((e) =>
            e.type === 'InvoiceIssued' ? [e.data.total] : [],
          );
          expect(sumAmounts(charged, from.currency)).toBe(quote.dueNow);
          expect(quote).toMatchObject({ seats: seats + (added ?? 0), unitPrice: to.unitPrice, plan: { planId: to.planId } });
        },
      ),
    );
  });
});
