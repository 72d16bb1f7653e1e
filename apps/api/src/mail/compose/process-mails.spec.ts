import type { RecordedEvent } from '@channel-ledger/event-store';
import { MAIL_EVENT_TYPES } from '@channel-ledger/projections';
import { mailsForEvent, MailContext } from './mails-for-event';

const context: MailContext = { publicUrl: 'https://ledger.example.com', derive: (purpose) => `tok_${purpose}` };
const system = (id: string) => ({ kind: 'system' as const, id });

let position = 0;
function event(
  streamId: string,
  type: string,
  data: object,
  actor: { kind: string; id: string } = { kind: 'reseller', id: 'r1' },
  recordedAt = '2026-01-01T00:00:00.000Z',
): RecordedEvent {
  position++;
  const eventId = `event-${position}`;
  return {
    streamId,
    revision: BigInt(position),
    position: BigInt(position),
    eventId,
    type,
    data: JSON.parse(JSON.stringify(data)),
    metadata: {
      eventId,
      commandId: 'c',
      correlationId: 'c',
      causationId: 'c',
      actor: actor as RecordedEvent['metadata']['actor'],
      onBehalfOf: null,
      occurredAt: '2026-01-01T00:00:00.000Z',
      recordedAt,
      schemaVersion: 1,
      previousHash: null,
      hash: '0'.repeat(64),
    },
  };
}

const created = event('organization-o1', 'CustomerOrganizationCreated', {
  organizationId: 'o1',
  name: 'Acme GmbH',
  managingReseller: { resellerId: 'r1', companyName: 'Northwind Partners', email: 'sales@northwind.test' },
});
const owner = { kind: 'reseller', id: 'r1', name: 'Northwind Partners', email: 'sales@northwind.test' };

describe('mails of the time-driven processes (pure)', () => {
  it('are in the outbox list of events that imply mail', () => {
    for (const type of [
      'OwnershipTransferReminded',
      'OwnershipTransferExpired',
      'RenewalReminded',
      'RenewalChargeFailed',
      'SubscriptionExpired',
    ]) {
      expect(MAIL_EVENT_TYPES).toContain(type);
    }
  });

  it('offer reminder: to the invited contact, 24 h before the offer lapses, with the acceptance route', () => {
    const reminded = event(
      'organization-o1',
      'OwnershipTransferReminded',
      {
        organizationId: 'o1',
        transferId: 't1',
        toEmail: 'alice@acme.test',
        expiresAt: '2026-01-17T00:00:00.000Z',
        remindedAt: '2026-01-16T00:00:00.000Z',
      },
      system('reminders'),
    );
    const [mail] = mailsForEvent(reminded, [created], context);
    expect(mail).toMatchObject({ to: 'alice@acme.test', subject: 'Reminder: the offer to own Acme GmbH lapses in 24 hours' });
    expect(mail.text).toContain('POST /organizations/o1/ownership-transfers/t1/acceptance');
    expect(mail.text).toContain('2026-01-17T00:00:00.000Z');
    expect(mail.text).toContain('Northwind Partners');
  });

  it('offer lapsed: to the reseller when the process recorded it; nothing when a new offer recorded it', () => {
    const data = {
      organizationId: 'o1',
      transferId: 't1',
      toEmail: 'alice@acme.test',
      expiresAt: '2026-01-17T00:00:00.000Z',
      recordedAt: '2026-01-17T00:00:00.000Z',
    };
    const [mail] = mailsForEvent(
      event('organization-o1', 'OwnershipTransferExpired', data, system('ownership-offer-expiry')),
      [created],
      context,
    );
    expect(mail).toMatchObject({ to: 'sales@northwind.test', subject: 'The ownership offer for Acme GmbH lapsed' });
    expect(mail.text).toContain('alice@acme.test did not accept ownership of Acme GmbH before 2026-01-17T00:00:00.000Z');
    expect(mail.text).toContain('POST /organizations/o1/ownership-transfers with {"toEmail":"alice@acme.test"}');
    expect(mailsForEvent(event('organization-o1', 'OwnershipTransferExpired', data), [created], context)).toEqual([]);
  });

  it('renewal reminder: to the invoice owner, with the quote and what happens at term end', () => {
    const data = {
      subscriptionId: 's1',
      organizationId: 'o1',
      organizationName: 'Acme GmbH',
      termEnd: '2027-01-31T00:00:00.000Z',
      daysBefore: 30,
      invoiceOwner: owner,
      autoRenewal: true,
      renewal: {
        plan: { planId: 'p', product: 'GitLens', tier: 'pro' },
        seats: 10,
        unitPrice: '96.00',
        currency: 'USD',
        periodStart: '2027-01-31T00:00:00.000Z',
        periodEnd: '2028-01-31T00:00:00.000Z',
        total: '960.00',
      },
      remindedAt: '2027-01-01T00:00:00.000Z',
    };
    const [on] = mailsForEvent(event('subscription-s1', 'RenewalReminded', data, system('reminders')), [], context);
    expect(on).toMatchObject({ to: 'sales@northwind.test', subject: 'Acme GmbH: subscription renews in 30 days (2027-01-31)' });
    expect(on.text).toContain('10 seats × 96.00 USD');
    expect(on.text).toContain('960.00 USD');
    expect(on.text).toContain('charged to your default payment method');
    const [off] = mailsForEvent(
      event('subscription-s1', 'RenewalReminded', { ...data, autoRenewal: false, daysBefore: 7 }, system('reminders')),
      [],
      context,
    );
    expect(off.text).toContain('ends on 2027-01-31 unless you renew it');
    expect(off.text).toContain('PUT /subscriptions/s1/auto-renewal');
  });

  it('a reminder recorded only after the deadline it reminds of (catching up after downtime) is kept but not mailed', () => {
    const offer = {
      organizationId: 'o1',
      transferId: 't1',
      toEmail: 'alice@acme.test',
      expiresAt: '2026-01-17T00:00:00.000Z',
      remindedAt: '2026-01-16T00:00:00.000Z',
    };
    expect(
      mailsForEvent(
        event('organization-o1', 'OwnershipTransferReminded', offer, system('reminders'), '2026-01-16T23:59:59.000Z'),
        [created],
        context,
      ),
    ).toHaveLength(1);
    expect(
      mailsForEvent(
        event('organization-o1', 'OwnershipTransferReminded', offer, system('reminders'), '2026-01-17T00:00:00.000Z'),
        [created],
        context,
      ),
    ).toEqual([]);
    const renewal = {
      subscriptionId: 's1',
      organizationName: 'Acme GmbH',
      termEnd: '2027-01-31T00:00:00.000Z',
      daysBefore: 7,
      invoiceOwner: owner,
      autoRenewal: false,
      renewal: null,
    };
    expect(
      mailsForEvent(event('subscription-s1', 'RenewalReminded', renewal, system('reminders'), '2027-02-20T00:00:00.000Z'), [], context),
    ).toEqual([]);
  });

  it('dunning: a declined charge tells when it is tried again; the last one leaves it to the lapse notice', () => {
    const data = {
      subscriptionId: 's1',
      organizationId: 'o1',
      organizationName: 'Acme GmbH',
      termEnd: '2027-01-31T00:00:00.000Z',
      attempt: 1,
      amount: '960.00',
      currency: 'USD',
      paymentMethod: { id: 'pm', kind: 'card' },
      declineCode: 'card-declined',
      reason: 'The card was declined.',
      invoiceOwner: owner,
      failedAt: '2027-01-31T00:00:00.000Z',
      nextAttemptAt: '2027-02-01T00:00:00.000Z',
    };
    const [mail] = mailsForEvent(event('subscription-s1', 'RenewalChargeFailed', data, system('subscription-renewal')), [], context);
    expect(mail).toMatchObject({ to: 'sales@northwind.test', subject: 'Acme GmbH: the renewal charge was declined (attempt 1)' });
    expect(mail.text).toContain('tried again at 2027-02-01T00:00:00.000Z');
    expect(
      mailsForEvent(
        event('subscription-s1', 'RenewalChargeFailed', { ...data, attempt: 4, nextAttemptAt: null }, system('subscription-renewal')),
        [],
        context,
      ),
    ).toEqual([]);
  });

  it('lapse notice: to the invoice owner at the end, when the process recorded the expiry', () => {
    const purchased = event('subscription-s1', 'SubscriptionPurchased', {
      subscriptionId: 's1',
      vendorId: 'v',
      organizationId: 'o1',
      organizationName: 'Acme GmbH',
      channel: 'reseller',
      invoiceOwner: owner,
      plan: { planId: 'p', product: 'GitLens', tier: 'pro' },
      billingPeriod: 'annual',
      currency: 'USD',
      unitPrice: '96.00',
      seats: 10,
      billingAnchor: '2026-01-31T00:00:00.000Z',
      periodStart: '2026-01-31T00:00:00.000Z',
      periodEnd: '2027-01-31T00:00:00.000Z',
      paymentMethod: { id: 'pm', kind: 'card' },
      purchasedAt: '2026-01-31T00:00:00.000Z',
      resellerId: 'r1',
      resellerName: 'Northwind Partners',
      customerContactEmail: 'alice@acme.test',
    });
    const data = {
      subscriptionId: 's1',
      expiredAt: '2027-01-31T00:00:00.000Z',
      sweptAt: '2027-02-07T00:00:00.000Z',
      reason: 'payment-failed',
    };
    const [mail] = mailsForEvent(
      event('subscription-s1', 'SubscriptionExpired', data, system('subscription-renewal')),
      [purchased],
      context,
    );
    expect(mail).toMatchObject({ to: 'sales@northwind.test', subject: 'Acme GmbH: the subscription ended on 2027-01-31' });
    expect(mail.text).toContain('the renewal charge was declined on every attempt');
    expect(
      mailsForEvent(event('subscription-s1', 'SubscriptionExpired', data, { kind: 'support', id: 'x' }), [purchased], context),
    ).toEqual([]);
  });
});
