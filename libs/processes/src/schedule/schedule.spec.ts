import type { RecordedEvent } from '@channel-ledger/event-store';
import { scheduleOperations } from './projection';

let position = 0;
function event(type: string, data: object, occurredAt = '2026-01-01T00:00:00.000Z'): RecordedEvent {
  position++;
  const eventId = `event-${position}`;
  return {
    streamId: 'x',
    revision: 0n,
    position: BigInt(position),
    eventId,
    type,
    data: JSON.parse(JSON.stringify(data)),
    metadata: {
      eventId,
      commandId: `c-${position}`,
      correlationId: 'corr',
      causationId: 'c',
      actor: { kind: 'reseller', id: 'r' },
      onBehalfOf: null,
      occurredAt,
      recordedAt: occurredAt,
      schemaVersion: 1,
      previousHash: null,
      hash: '0'.repeat(64),
    },
  };
}

describe('process-schedule: what falls due when, from the log alone', () => {
  it('an ownership offer: the reminder 24 h before it lapses, the lapse at 7 days; settled by acceptance', () => {
    const initiated = event('OwnershipTransferInitiated', {
      organizationId: 'o1',
      transferId: 't1',
      fromResellerId: 'r',
      toEmail: 'a@o1.example',
      initiatedAt: '2026-01-01T00:00:00.000Z',
      expiresAt: '2026-01-08T00:00:00Z',
    });
    expect(scheduleOperations(initiated)).toEqual([
      {
        id: 'ownership-offer-expiry|lapse-offer|o1/t1',
        process: 'ownership-offer-expiry',
        step: 'lapse-offer',
        streamId: 'organization-o1',
        status: 'pending',
        dueAt: '2026-01-08T00:00:00.000Z',
        payload: { organizationId: 'o1', transferId: 't1' },
        triggerEventId: initiated.eventId,
        triggerType: 'OwnershipTransferInitiated',
        correlationId: 'corr',
        triggerPosition: String(initiated.position),
      },
      expect.objectContaining({
        id: 'reminders|remind-offer|o1/t1',
        process: 'reminders',
        dueAt: '2026-01-07T00:00:00.000Z',
        status: 'pending',
      }),
    ]);
    const accepted = event('OwnershipTransferAccepted', { organizationId: 'o1', transferId: 't1' }, '2026-01-03T00:00:00.000Z');
    expect(scheduleOperations(accepted)).toEqual([
      {
        id: 'ownership-offer-expiry|lapse-offer|o1/t1',
        process: 'ownership-offer-expiry',
        step: 'lapse-offer',
        streamId: 'organization-o1',
        status: 'done',
        dueAt: null,
        settledBy: 'OwnershipTransferAccepted',
        settledByEventId: accepted.eventId,
        settledAt: '2026-01-03T00:00:00.000Z',
      },
      expect.objectContaining({ id: 'reminders|remind-offer|o1/t1', status: 'done' }),
    ]);
  });

  it('a term: its end and the 30- and 7-day reminders; a monthly term gets only the 7-day one; a renewal moves them', () => {
    const annual = scheduleOperations(
      event('SubscriptionPurchased', {
        subscriptionId: 's1',
        periodStart: '2026-01-31T00:00:00.000Z',
        periodEnd: '2027-01-31T00:00:00.000Z',
      }),
    );
    expect(annual.map((i) => [i.id, i.status, i.dueAt])).toEqual([
      ['subscription-renewal|term-end|s1', 'pending', '2027-01-31T00:00:00.000Z'],
      ['reminders|remind-renewal|s1/30', 'pending', '2027-01-01T00:00:00.000Z'],
      ['reminders|remind-renewal|s1/7', 'pending', '2027-01-24T00:00:00.000Z'],
    ]);
    expect(annual[0]).toMatchObject({ payload: { subscriptionId: 's1', termEnd: '2027-01-31T00:00:00.000Z', attempt: 1 } });
    const monthly = scheduleOperations(
      event('SubscriptionRenewed', {
        subscriptionId: 's1',
        periodStart: '2027-01-31T00:00:00.000Z',
        periodEnd: '2027-02-28T00:00:00.000Z',
      }),
    );
    expect(monthly.map((i) => [i.id, i.status, i.dueAt])).toEqual([
      ['subscription-renewal|term-end|s1', 'pending', '2027-02-28T00:00:00.000Z'],
      ['reminders|remind-renewal|s1/30', 'done', null],
      ['reminders|remind-renewal|s1/7', 'pending', '2027-02-21T00:00:00.000Z'],
    ]);
  });

  it('dunning: a declined charge moves the term end to the next attempt; the last one settles it', () => {
    const failed = scheduleOperations(
      event('RenewalChargeFailed', {
        subscriptionId: 's1',
        termEnd: '2027-01-31T00:00:00.000Z',
        attempt: 2,
        nextAttemptAt: '2027-02-03T00:00:00.000Z',
      }),
    );
    expect(failed).toEqual([
      expect.objectContaining({
        id: 'subscription-renewal|term-end|s1',
        status: 'pending',
        dueAt: '2027-02-03T00:00:00.000Z',
        payload: { subscriptionId: 's1', termEnd: '2027-01-31T00:00:00.000Z', attempt: 3 },
      }),
    ]);
    const last = scheduleOperations(
      event('RenewalChargeFailed', { subscriptionId: 's1', termEnd: '2027-01-31T00:00:00.000Z', attempt: 4, nextAttemptAt: null }),
    );
    expect(last).toEqual([
      expect.objectContaining({ id: 'subscription-renewal|term-end|s1', status: 'done', settledBy: 'RenewalChargeFailed' }),
    ]);
  });

  it('a cancellation drops the reminders but keeps the term end (the subscription expires then); an expiry settles all', () => {
    expect(scheduleOperations(event('SubscriptionCancelled', { subscriptionId: 's1' })).map((i) => i.id)).toEqual([
      'reminders|remind-renewal|s1/30',
      'reminders|remind-renewal|s1/7',
    ]);
    expect(scheduleOperations(event('SubscriptionExpired', { subscriptionId: 's1' })).map((i) => [i.id, i.status])).toEqual([
      ['subscription-renewal|term-end|s1', 'done'],
      ['reminders|remind-renewal|s1/30', 'done'],
      ['reminders|remind-renewal|s1/7', 'done'],
    ]);
  });

  it('an issuance right closes at its expiry, moved by an extension, settled by a block', () => {
    expect(scheduleOperations(event('IssuanceRightGranted', { rightId: 'r1', expiresAt: '2027-01-01T00:00:00Z' }))).toEqual([
      expect.objectContaining({
        id: 'issuance-right-expiry|close-right|r1',
        dueAt: '2027-01-01T00:00:00.000Z',
        payload: { rightId: 'r1' },
      }),
    ]);
    expect(scheduleOperations(event('IssuanceRightExtended', { rightId: 'r1', expiresAt: '2027-06-01T00:00:00.000Z' }))[0]).toMatchObject({
      dueAt: '2027-06-01T00:00:00.000Z',
    });
    expect(scheduleOperations(event('IssuanceRightBlocked', { rightId: 'r1' }))[0]).toMatchObject({
      status: 'done',
      settledBy: 'IssuanceRightBlocked',
    });
  });

  it('ignores everything else', () => {
    expect(scheduleOperations(event('SeatsPurchased', { subscriptionId: 's1' }))).toEqual([]);
  });
});
