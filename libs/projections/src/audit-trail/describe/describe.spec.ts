import type { JsonObject } from '@channel-ledger/read-store';
import type { DescribeContext } from './context';
import { describeEvent } from './index';

const context = (type: string, actor = { kind: 'reseller', id: 'acme' }): DescribeContext => ({
  type,
  streamId: 'stream-x',
  actor,
  subscription: null,
  organization: null,
  license: null,
  resellerName: (id) => (id === 'acme' ? 'Acme Resale' : id),
  invoice: null,
});
const say = (type: string, data: object, actor?: { kind: string; id: string }) => describeEvent(data as JsonObject, context(type, actor));

describe('event descriptions', () => {
  it('say what happened in one line of plain English', () => {
    expect(
      say('SubscriptionRenewed', {
        subscriptionId: 's',
        periodIndex: 1,
        periodStart: '2027-01-31T00:00:00.000Z',
        periodEnd: '2028-01-31T00:00:00.000Z',
        plan: { planId: 'p', product: 'GitLens', tier: 'teams' },
        unitPrice: '144.00',
        seats: 1,
        currency: 'USD',
        renewedAt: '2027-01-20T00:00:00.000Z',
        invoiceId: 'i',
      }),
    ).toBe('Renewed 1 GitLens Teams seat for 2027-01-31 to 2028-01-31 at USD 144.00 per seat');
    expect(
      say('SubscriptionCancelled', {
        subscriptionId: 's',
        cancelledAt: '2026-05-01T10:00:00.000Z',
        effectiveAt: '2027-01-31T00:00:00.000Z',
        reason: 'budget cut',
      }),
    ).toBe('Cancelled by Acme Resale, usable until 2027-01-31: budget cut');
    expect(
      say('SubscriptionExpired', {
        subscriptionId: 's',
        expiredAt: '2027-01-31T00:00:00.000Z',
        sweptAt: '2027-02-01T03:00:00.000Z',
        reason: 'not-renewed',
      }),
    ).toBe('Expired on 2027-01-31 (not renewed)');
    expect(
      say('OwnershipTransferAccepted', {
        organizationId: 'o',
        transferId: 't',
        previousOwnerResellerId: 'acme',
        newOwnerEmail: 'it@globex.example',
        acceptedAt: '2026-03-03T00:00:00.000Z',
      }),
    ).toBe('Ownership accepted by it@globex.example, taking over from Acme Resale');
    expect(
      say('OwnershipTransferExpired', {
        organizationId: 'o',
        transferId: 't',
        toEmail: 'it@globex.example',
        expiresAt: '2026-03-08T00:00:00.000Z',
        recordedAt: '2026-03-09T00:00:00.000Z',
      }),
    ).toBe('Ownership transfer to it@globex.example expired on 2026-03-08 without being accepted');
    expect(
      say('ContactChanged', {
        organizationId: 'o',
        role: 'billing',
        contact: { name: null, email: 'ap@globex.example' },
        previousContact: { name: null, email: 'old@globex.example' },
        changedBy: { kind: 'support', id: 'agent-7' },
        requestId: 'req-1',
        changedAt: '2026-04-01T00:00:00.000Z',
      }),
    ).toBe('Billing contact changed from old@globex.example to ap@globex.example by support agent agent-7 (approving request req-1)');
    expect(
      say('LicenseRevoked', {
        licenseId: 'lic-1',
        reason: 'refund',
        revokedBy: { kind: 'vendor-admin', id: 'va-1' },
        revokedAt: '2026-05-01T00:00:00.000Z',
      }),
    ).toBe('License lic-1 revoked by vendor admin va-1: refund');
  });

  it('fall back to a plain sentence for unknown types and for data of an unexpected shape', () => {
    expect(say('QuoteRequested', {})).toBe('QuoteRequested recorded on stream-x');
    expect(say('SubscriptionRenewed', { subscriptionId: 's' })).toBe('SubscriptionRenewed recorded on stream-x');
  });
});
