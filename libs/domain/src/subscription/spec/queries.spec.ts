import { findInvoice, invoiceEvidence, invoiceIssuedTo, invoiceOwnerAt, subscriptionDecider } from '../index';
import { addSeats, decided, purchased, stateAfter, support, utc } from './fixtures';

describe('rule 9 evidence: an invoice of this subscription issued to that reseller', () => {
  const events = decided(purchased(), addSeats(2, utc('2026-03-01')));
  const state = stateAfter(events);

  it('accepts an invoice of this subscription issued to the reseller', () => {
    expect(invoiceIssuedTo(state, 'inv-1', 'acme')).toBe(true);
    expect(invoiceIssuedTo(state, 'inv-2', 'acme')).toBe(true);
    expect(invoiceEvidence(state, 'inv-2', 'acme')).toEqual({
      subscriptionId: 'sub-1',
      organizationId: 'org-globex',
      invoiceId: 'inv-2',
      invoiceNumber: 'sub-1-2',
      issuedAt: utc('2026-03-01'),
      resellerId: 'acme',
    });
  });
  it('rejects an invoice issued to another reseller', () => {
    expect(invoiceIssuedTo(state, 'inv-1', 'initech')).toBe(false);
    expect(invoiceEvidence(state, 'inv-1', 'initech')).toBeNull();
  });
  it('rejects an invoice that is not of this subscription', () => {
    expect(invoiceIssuedTo(state, 'inv-other', 'acme')).toBe(false);
    expect(findInvoice(state, 'inv-other')).toBeNull();
    expect(invoiceIssuedTo(subscriptionDecider.initialState, 'inv-1', 'acme')).toBe(false);
  });
  it('rejects an invoice issued after the organization became its own invoice owner', () => {
    const moved = decided(events, {
      type: 'ChangeInvoiceOwner',
      subscriptionId: 'sub-1',
      now: utc('2026-04-01'),
      actor: support,
      effectiveAt: utc('2026-04-01'),
      reason: 'exemption',
      newOwner: { kind: 'organization', billingContactEmail: 'billing@globex.example' },
    });
    const after = decided(moved, addSeats(1, utc('2026-05-01'), { invoiceId: 'inv-3', actor: { kind: 'customer', id: 'c' }, context: {} }));
    expect(invoiceIssuedTo(stateAfter(after), 'inv-3', 'acme')).toBe(false);
    expect(invoiceOwnerAt(stateAfter(after), utc('2026-03-15'))!.owner.id).toBe('acme');
    expect(invoiceOwnerAt(stateAfter(after), utc('2026-04-15'))).toMatchObject({
      channel: 'direct',
      owner: { kind: 'organization', id: 'org-globex' },
    });
    expect(invoiceOwnerAt(stateAfter(after), utc('2020-01-01'))).toBeNull();
  });
});
