import { isViolation } from '../../shared/decider';
import { ChangeInvoiceOwner, predecessorFacts, RecordDirectPurchase } from '../index';
import {
  addSeats,
  asReseller,
  customer,
  decided,
  given,
  globex,
  invoiceOf,
  invoiceTerms,
  proAnnual,
  purchased,
  renew,
  stateAfter,
  support,
  teamsAnnual,
  utc,
} from './fixtures';

const resellerHistory = () => decided(purchased({ seats: 50 }), addSeats(5, utc('2026-06-01')));

const direct = (extra: Partial<RecordDirectPurchase> = {}): RecordDirectPurchase => ({
  type: 'RecordDirectPurchase',
  subscriptionId: 'sub-2',
  invoiceId: 'inv-d1',
  seats: 12,
  billingContactEmail: 'billing@globex.example',
  previousResellerSubscriptionId: 'sub-1',
  now: utc('2027-01-20'),
  actor: customer,
  context: {
    organization: globex,
    plan: teamsAnnual,
    paymentMethod: { id: 'pm-globex', kind: 'card' },
    previousSubscription: predecessorFacts(stateAfter(resellerHistory()))!,
  },
  ...extra,
});

describe('RecordDirectPurchase (rule 11: renewing directly is a new purchase)', () => {
  it('starts a new subscription with nothing carried over, linked to the old one for the audit', () => {
    const events = given([]).when(direct()).decision as never[];
    expect(events).toHaveLength(2);
    expect(events[0]).toEqual({
      type: 'DirectPurchaseRecorded',
      data: {
        subscriptionId: 'sub-2',
        vendorId: 'gitkraken',
        organizationId: 'org-globex',
        organizationName: 'Globex',
        channel: 'direct',
        previousResellerSubscriptionId: 'sub-1',
        billingContactEmail: 'billing@globex.example',
        invoiceOwner: { kind: 'organization', id: 'org-globex', name: 'Globex', email: 'billing@globex.example' },
        plan: { planId: 'gitlens-teams', product: 'GitLens', tier: 'teams' },
        billingPeriod: 'annual',
        currency: 'USD',
        unitPrice: '144.00',
        // 12 seats, not the 55 of the reseller subscription; the term starts today, not at its anchor.
        seats: 12,
        billingAnchor: utc('2027-01-20'),
        periodStart: utc('2027-01-20'),
        periodEnd: utc('2028-01-20'),
        paymentMethod: { id: 'pm-globex', kind: 'card' },
        purchasedAt: utc('2027-01-20'),
      },
    });
    expect(invoiceOf(events)).toMatchObject({
      invoiceNumber: 'sub-2-1',
      reason: 'direct-purchase',
      channel: 'direct',
      total: '1728.00',
      issuedTo: { kind: 'organization', id: 'org-globex' },
    });
  });

  it('does not renew the reseller subscription, which runs out on its own', () => {
    // The direct purchase lives on another stream: the old one still ends on its own date.
    given(resellerHistory())
      .when({ type: 'ExpireSubscription', subscriptionId: 'sub-1', now: utc('2027-01-31'), actor: { kind: 'system', id: 's' } })
      .then([
        {
          type: 'SubscriptionExpired',
          data: { subscriptionId: 'sub-1', expiredAt: utc('2027-01-31'), sweptAt: utc('2027-01-31'), reason: 'not-renewed' },
        },
      ]);
  });

  it('leaves the customer in charge of its direct subscription (rule 8 no longer applies)', () => {
    const events = decided([], direct());
    expect(
      invoiceOf(decided(events, addSeats(1, utc('2027-02-20'), { subscriptionId: 'sub-2', actor: customer, context: {} })).slice(2))
        .issuedTo.kind,
    ).toBe('organization');
  });

  it('refuses to continue an existing stream', () => {
    given(resellerHistory())
      .when(direct({ subscriptionId: 'sub-1' }))
      .thenRefuses('direct-purchase-needs-new-subscription');
    given(decided([], direct())).when(direct()).thenRefuses('direct-purchase-needs-new-subscription');
  });
  it('refuses a reseller recording it', () => {
    given([])
      .when(direct({ actor: asReseller() }))
      .thenRefuses('actor-not-allowed');
  });
  it('may be recorded by support', () => {
    given([])
      .when(direct({ actor: support }))
      .then(decided([], direct()));
  });
  it('refuses a previous subscription of another organization', () => {
    given([])
      .when(
        direct({
          context: {
            ...direct().context,
            previousSubscription: { subscriptionId: 'sub-1', organizationId: 'org-other', channel: 'reseller' },
          },
        }),
      )
      .thenRefuses('previous-subscription-of-another-organization');
  });
  it('refuses when the previous subscription was itself direct', () => {
    given([])
      .when(
        direct({
          context: {
            ...direct().context,
            previousSubscription: { subscriptionId: 'sub-1', organizationId: 'org-globex', channel: 'direct' },
          },
        }),
      )
      .thenRefuses('previous-subscription-not-through-reseller');
  });
  it('refuses facts of another subscription than the one named', () => {
    given([])
      .when(direct({ previousResellerSubscriptionId: 'sub-9' }))
      .thenRefuses('previous-subscription-mismatch');
  });
  it('applies rule 6 too', () => {
    given([])
      .when(direct({ context: { ...direct().context, paymentMethod: invoiceTerms } }))
      .thenRefuses('invoicing-enterprise-only');
  });
  it('refuses without a billing contact', () => {
    given([])
      .when(direct({ billingContactEmail: 'nope' }))
      .thenRefuses('billing-contact-required');
  });
  it('refuses zero seats', () => {
    given([])
      .when(direct({ seats: 0 }))
      .thenRefuses('invalid-seat-count');
  });
  it('leaves the old reseller subscription to its reseller, untouched', () => {
    expect(isViolation(given(resellerHistory()).when(renew(utc('2027-01-10'), { plan: proAnnual })).decision)).toBe(false);
  });
});

describe('ChangeInvoiceOwner (support only)', () => {
  const initech = {
    resellerId: 'initech',
    companyName: 'Initech Partners',
    email: 'buy@initech.example',
    emailVerified: true,
    partnerKind: 'reseller' as const,
  };
  const change = (extra: Partial<ChangeInvoiceOwner> = {}): ChangeInvoiceOwner => ({
    type: 'ChangeInvoiceOwner',
    subscriptionId: 'sub-1',
    now: utc('2026-06-10'),
    actor: support,
    effectiveAt: utc('2026-07-01'),
    reason: 'Acme handed the account to Initech (ticket 4711)',
    newOwner: { kind: 'reseller', reseller: initech },
    ...extra,
  });

  it('records the change with from, to and the effective date', () => {
    given(purchased())
      .when(change())
      .then([
        {
          type: 'InvoiceOwnerChanged',
          data: {
            subscriptionId: 'sub-1',
            from: { kind: 'reseller', id: 'acme', name: 'Acme Reseller', email: 'sales@acme.example' },
            fromChannel: 'reseller',
            to: { kind: 'reseller', id: 'initech', name: 'Initech Partners', email: 'buy@initech.example' },
            toChannel: 'reseller',
            effectiveAt: utc('2026-07-01'),
            reason: 'Acme handed the account to Initech (ticket 4711)',
            recordedAt: utc('2026-06-10'),
          },
        },
      ]);
  });

  it('sends later invoices to the new owner and hands it the subscription', () => {
    const events = decided(purchased(), change());
    const initechAdds = addSeats(1, utc('2026-07-02'), { actor: asReseller(initech), context: { reseller: initech } });
    expect(invoiceOf(decided(events, initechAdds).slice(events.length)).issuedTo.id).toBe('initech');
    given(events)
      .when(addSeats(1, utc('2026-07-02')))
      .thenRefuses('subscription-not-found');
    // Before the effective date Acme is still the owner.
    expect(invoiceOf(decided(events, addSeats(1, utc('2026-06-20'))).slice(events.length)).issuedTo.id).toBe('acme');
    given(events)
      .when(addSeats(1, utc('2026-07-02'), { actor: customer, context: {} }))
      .thenRefuses('customer-is-read-only', /Initech Partners/);
  });

  it('can make the organization its own invoice owner, ending the read-only status', () => {
    const events = decided(purchased(), change({ newOwner: { kind: 'organization', billingContactEmail: 'billing@globex.example' } }));
    expect(invoiceOf(decided(events, addSeats(1, utc('2026-07-02'), { actor: customer, context: {} })).slice(events.length)).channel).toBe(
      'direct',
    );
  });

  it('is refused to resellers and customers', () => {
    given(purchased())
      .when(change({ actor: asReseller() }))
      .thenRefuses('actor-not-allowed');
    given(purchased())
      .when(change({ actor: customer }))
      .thenRefuses('customer-is-read-only');
  });
  it('refuses an unverified new reseller (rule 1)', () => {
    given(purchased())
      .when(change({ newOwner: { kind: 'reseller', reseller: { ...initech, emailVerified: false } } }))
      .thenRefuses('reseller-email-not-verified');
  });
  it('refuses a change to the current owner', () => {
    const acmeFacts = {
      resellerId: 'acme',
      companyName: 'Acme Reseller',
      email: 'sales@acme.example',
      emailVerified: true,
      partnerKind: 'reseller' as const,
    };
    given(purchased())
      .when(change({ newOwner: { kind: 'reseller', reseller: acmeFacts } }))
      .thenRefuses('invoice-owner-unchanged');
  });
  it('refuses without a reason', () => {
    given(purchased())
      .when(change({ reason: ' ' }))
      .thenRefuses('reason-required');
  });
  it('refuses a date before the purchase', () => {
    given(purchased())
      .when(change({ effectiveAt: utc('2025-01-01') }))
      .thenRefuses('effective-before-purchase');
  });
  it('refuses a date past the paid time, but accepts the renewal day itself', () => {
    given(purchased())
      .when(change({ effectiveAt: '2027-01-31T00:00:00.001Z' }))
      .thenRefuses('effective-after-paid-time', /paid through 2027-01-31/);
    given(purchased())
      .when(change({ effectiveAt: utc('2027-01-31') }))
      .then([expect.objectContaining({ type: 'InvoiceOwnerChanged' })]);
  });
});
