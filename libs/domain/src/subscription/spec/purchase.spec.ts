import fc from 'fast-check';
import { isViolation } from '../../shared/decider';
import { quotePurchase, subscriptionDecider, subscriptionStream } from '../index';
import {
  acme,
  asReseller,
  awsMarketplace,
  card,
  customer,
  enterpriseAnnual,
  given,
  globex,
  invoiceOf,
  invoiceTerms,
  proAnnual,
  proMonthly,
  proMonthlyJpy,
  purchase,
  purchased,
  teamsAnnualKwd,
  utc,
} from './fixtures';

describe('PurchaseSubscription', () => {
  it('names its stream', () => {
    expect(subscriptionStream('sub-1')).toBe('subscription-sub-1');
  });

  it('records the purchase for the customer and invoices the reseller for the whole first period', () => {
    given([])
      .when(purchase())
      .then([
        {
          type: 'SubscriptionPurchased',
          data: {
            subscriptionId: 'sub-1',
            vendorId: 'gitkraken',
            organizationId: 'org-globex',
            organizationName: 'Globex',
            channel: 'reseller',
            resellerId: 'acme',
            resellerName: 'Acme Reseller',
            customerContactEmail: 'it@globex.example',
            invoiceOwner: { kind: 'reseller', id: 'acme', name: 'Acme Reseller', email: 'sales@acme.example' },
            plan: { planId: 'gitlens-pro', product: 'GitLens', tier: 'pro' },
            billingPeriod: 'annual',
            currency: 'USD',
            unitPrice: '96.00',
            seats: 10,
            billingAnchor: utc('2026-01-31'),
            periodStart: utc('2026-01-31'),
            periodEnd: utc('2027-01-31'),
            paymentMethod: card,
            purchasedAt: utc('2026-01-31'),
          },
        },
        {
          type: 'InvoiceIssued',
          data: {
            invoiceId: 'inv-1',
            invoiceNumber: 'sub-1-1',
            subscriptionId: 'sub-1',
            reason: 'purchase',
            issuedAt: utc('2026-01-31'),
            issuedTo: { kind: 'reseller', id: 'acme', name: 'Acme Reseller', email: 'sales@acme.example' },
            channel: 'reseller',
            currency: 'USD',
            lines: [
              {
                kind: 'subscription',
                description: 'GitLens Pro, 10 seats, 2026-01-31 to 2027-01-31',
                currency: 'USD',
                unitPrice: '96.00',
                seats: 10,
                periodStart: utc('2026-01-31'),
                periodEnd: utc('2027-01-31'),
                effectiveDate: utc('2026-01-31'),
                remainingDays: 365,
                daysInPeriod: 365,
                amount: '960.00',
              },
            ],
            total: '960.00',
            payment: { methodId: 'pm-card', kind: 'card', terms: 'charged-immediately' },
          },
        },
      ]);
  });

  it('anchors a monthly purchase on Jan 31 and ends the first period on Feb 28', () => {
    const events = purchased({ context: { plan: proMonthly } });
    expect(events[0].data).toMatchObject({ periodStart: utc('2026-01-31'), periodEnd: utc('2026-02-28') });
    expect(invoiceOf(events)).toMatchObject({ total: '100.00' });
  });

  it('bills in the currency of the plan, JPY and KWD included', () => {
    expect(invoiceOf(purchased({ seats: 3, context: { plan: proMonthlyJpy } })).total).toBe('3600');
    expect(invoiceOf(purchased({ seats: 3, context: { plan: teamsAnnualKwd } })).total).toBe('135.375');
  });

  describe('rule 1: a reseller can do nothing until its email is verified', () => {
    it('refuses an unverified reseller', () => {
      given([])
        .when(purchase({ context: { reseller: { ...acme, emailVerified: false } } }))
        .thenRefuses('reseller-email-not-verified', /sales@acme.example/);
    });
    it('refuses an unknown reseller', () => {
      given([])
        .when(purchase({ context: { reseller: null } }))
        .thenRefuses('reseller-not-found');
    });
  });

  describe('rule 2: a purchase for someone else names the customer contact', () => {
    it('refuses without a customer contact email', () => {
      given([])
        .when(purchase({ customerContactEmail: '' }))
        .thenRefuses('customer-contact-required');
    });
    it("refuses the reseller's own address as the customer contact", () => {
      given([])
        .when(purchase({ customerContactEmail: 'Sales@Acme.example ' }))
        .thenRefuses('customer-contact-is-reseller');
    });
  });

  describe('rule 6: card, PayPal or ACH; invoicing only for Enterprise', () => {
    it('accepts PayPal and ACH', () => {
      expect(invoiceOf(purchased({ context: { paymentMethod: { id: 'pp', kind: 'paypal' } } })).payment.terms).toBe('charged-immediately');
      expect(invoiceOf(purchased({ context: { paymentMethod: { id: 'ach', kind: 'ach' } } })).payment.kind).toBe('ach');
    });
    it('refuses paying a Pro plan on invoice', () => {
      given([])
        .when(purchase({ context: { paymentMethod: invoiceTerms } }))
        .thenRefuses('invoicing-enterprise-only', /Enterprise/);
    });
    it('lets Enterprise pay on net terms', () => {
      const invoice = invoiceOf(purchased({ context: { plan: enterpriseAnnual, paymentMethod: invoiceTerms } }));
      expect(invoice.payment).toEqual({ methodId: 'pm-net30', kind: 'invoice', terms: 'net-terms' });
    });
    it('refuses an unknown payment kind', () => {
      given([])
        .when(purchase({ context: { paymentMethod: { id: 'x', kind: 'bitcoin' as never } } }))
        .thenRefuses('payment-method-not-accepted');
    });
  });

  describe('rule 7: the reseller is the invoice owner, never the customer', () => {
    it('invoices the reseller on the reseller channel', () => {
      const invoice = invoiceOf(purchased());
      expect(invoice.issuedTo).toEqual({ kind: 'reseller', id: 'acme', name: 'Acme Reseller', email: 'sales@acme.example' });
      expect(invoice.channel).toBe('reseller');
      expect(JSON.stringify(invoice)).not.toContain('globex.example');
    });
    it('invoices a marketplace on the marketplace channel', () => {
      const events = purchased({
        actor: asReseller(awsMarketplace),
        context: { reseller: awsMarketplace, organization: { ...globex, managedByResellerId: 'aws' } },
      });
      expect(events[0].data).toMatchObject({ channel: 'marketplace' });
      expect(invoiceOf(events)).toMatchObject({ channel: 'marketplace', issuedTo: { kind: 'reseller', id: 'aws' } });
    });
  });

  it('refuses a customer buying through this command', () => {
    given([])
      .when(purchase({ actor: customer }))
      .thenRefuses('actor-not-allowed');
  });
  it('refuses reseller facts of someone else', () => {
    given([])
      .when(purchase({ actor: { kind: 'reseller', id: 'initech' } }))
      .thenRefuses('reseller-context-mismatch');
  });
  it("refuses an organization the reseller doesn't manage (e.g. another reseller's public customer)", () => {
    given([])
      .when(purchase({ context: { organization: { ...globex, managedByResellerId: 'initech' } } }))
      .thenRefuses('organization-not-managed-by-reseller');
  });
  it("refuses a plan of another vendor than the organization's (rule 13)", () => {
    given([])
      .when(purchase({ context: { plan: { ...proAnnual, vendorId: 'mirantis' } } }))
      .thenRefuses('plan-from-another-vendor');
  });
  it('refuses zero or fractional seats', () => {
    given([])
      .when(purchase({ seats: 0 }))
      .thenRefuses('invalid-seat-count');
    given([])
      .when(purchase({ seats: 2.5 }))
      .thenRefuses('invalid-seat-count');
  });
  it('refuses more than 100000 seats in one purchase', () => {
    given([])
      .when(purchase({ seats: 100_001 }))
      .thenRefuses('too-many-seats');
  });
  it('refuses a price in an unknown currency', () => {
    given([])
      .when(purchase({ context: { plan: { ...proAnnual, currency: 'XBT' } } }))
      .thenRefuses('unknown-currency');
  });
  it('refuses buying twice on the same stream', () => {
    given(purchased()).when(purchase()).thenRefuses('subscription-already-exists');
  });

  it('charges exactly what the purchase quote said (property)', () => {
    const plans = fc.constantFrom(proAnnual, proMonthly, proMonthlyJpy, teamsAnnualKwd);
    fc.assert(
      fc.property(
        plans,
        fc.integer({ min: 1, max: 500 }),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
        (plan, seats, date) => {
          const now = date.toISOString();
          const quote = quotePurchase(plan, seats, now);
          const decision = subscriptionDecider.decide(purchase({ seats, now, context: { plan } }), subscriptionDecider.initialState);
          if (isViolation(decision)) throw new Error(decision.message);
          expect(invoiceOf(decision).total).toBe(quote.total);
          expect(invoiceOf(decision).lines).toEqual(quote.lines);
        },
      ),
    );
  });
});
