import { isViolation } from '../../shared/decider';
import { requireOwnerOrSupport, ChangeInvoiceOwner, decideInvoiceRequest, SubscriptionEvent } from '../index';
import { acme, addSeats, asReseller, customer, decided, otherReseller, purchased, stateAfter, support, utc } from './fixtures';

/** given(events).when(actor asks at a date) → the invoices it gets, or the refusal. */
const given = (events: readonly SubscriptionEvent[]) => ({
  whenRequested: (now: string, actor = customer) => decideInvoiceRequest(stateAfter(events), { actor, now }),
});

const toGlobexItself = (effectiveAt: string): ChangeInvoiceOwner => ({
  type: 'ChangeInvoiceOwner',
  subscriptionId: 'sub-1',
  now: utc('2026-06-01'),
  actor: support,
  effectiveAt,
  reason: 'Globex now pays the vendor directly (ticket 88)',
  newOwner: { kind: 'organization', billingContactEmail: 'billing@globex.example' },
});

describe('rules 7 and 8: a customer asking for invoices of a reseller purchase', () => {
  it('is refused with the name and address of the reseller that receives them', () => {
    const refusal = given(purchased()).whenRequested(utc('2026-03-01'));
    expect(refusal).toMatchObject({
      code: 'invoices-issued-by-reseller',
      details: { resellerId: 'acme', resellerName: 'Acme Reseller', resellerEmail: 'sales@acme.example' },
    });
    expect(isViolation(refusal) && refusal.message).toMatch(/bought through Acme Reseller.*Ask Acme Reseller \(sales@acme\.example\)/);
  });

  it('gets the invoices addressed to the organization once it owns them, never those the reseller received', () => {
    const events = decided(
      decided(purchased(), toGlobexItself(utc('2026-07-01'))),
      addSeats(2, utc('2026-07-15'), { actor: customer, context: {} }),
    );
    expect(given(events).whenRequested(utc('2026-06-15'))).toMatchObject({ code: 'invoices-issued-by-reseller' });
    const invoices = given(events).whenRequested(utc('2026-07-20'));
    expect(invoices).toEqual([
      expect.objectContaining({ invoiceId: 'inv-2', reason: 'added-seats', issuedTo: expect.objectContaining({ kind: 'organization' }) }),
    ]);
  });

  it('is not a reseller route, and an unknown subscription is not found', () => {
    expect(given(purchased()).whenRequested(utc('2026-03-01'), asReseller())).toMatchObject({ code: 'actor-not-allowed' });
    expect(given([]).whenRequested(utc('2026-03-01'))).toMatchObject({ code: 'subscription-not-found' });
  });
});

describe('who may see prices and ask for changes (the widest door)', () => {
  const asking = (actor: typeof customer, reseller = acme) => ({ actor, now: utc('2026-03-01'), context: { reseller } });

  it('the owning reseller and support may; another reseller is told there is no such subscription', () => {
    expect(requireOwnerOrSupport(asking(asReseller()), stateAfter(purchased()))).toBeNull();
    expect(requireOwnerOrSupport(asking(support), stateAfter(purchased()))).toBeNull();
    expect(requireOwnerOrSupport(asking(asReseller(otherReseller), otherReseller), stateAfter(purchased()))).toMatchObject({
      code: 'subscription-not-found',
    });
    expect(requireOwnerOrSupport(asking(asReseller()), stateAfter([]))).toMatchObject({ code: 'subscription-not-found' });
  });

  it('a customer of a reseller purchase is sent to the reseller (rule 8), an unverified reseller is refused (rule 1)', () => {
    expect(requireOwnerOrSupport(asking(customer), stateAfter(purchased()))).toMatchObject({ code: 'customer-is-read-only' });
    expect(requireOwnerOrSupport(asking(asReseller(), { ...acme, emailVerified: false }), stateAfter(purchased()))).toMatchObject({
      code: 'reseller-email-not-verified',
    });
  });
});
