import {
  canonicalInstant,
  OWNERSHIP_TRANSFER_REMINDER_HOURS,
  RENEWAL_REMINDER_DAYS,
  type DirectPurchaseRecorded,
  type IssuanceRightExtended,
  type IssuanceRightGranted,
  type OwnershipTransferInitiated,
  type RenewalChargeFailed,
  type RenewalReminded,
  type SubscriptionPurchased,
  type SubscriptionRenewed,
} from '@channel-ledger/domain';
import type { RecordedEvent } from '@channel-ledger/event-store';
import { defineProjection } from '@channel-ledger/projections';
import type { WriteOperation } from '@channel-ledger/read-store';
import type { ProcessName, ProcessStep } from '../names';
import { PendingScheduleItem, PROCESS_SCHEDULE, processScheduleCollections, SettledScheduleItem } from './collections';

export const PROCESS_SCHEDULE_PROJECTION = 'process-schedule';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Event types that schedule, move or settle something. */
export const SCHEDULE_EVENT_TYPES = [
  'OwnershipTransferInitiated',
  'OwnershipTransferAccepted',
  'OwnershipTransferCancelled',
  'OwnershipTransferExpired',
  'OwnershipTransferReminded',
  'SubscriptionPurchased',
  'DirectPurchaseRecorded',
  'SubscriptionRenewed',
  'SubscriptionCancelled',
  'SubscriptionExpired',
  'RenewalReminded',
  'RenewalChargeFailed',
  'IssuanceRightGranted',
  'IssuanceRightExtended',
  'IssuanceRightBlocked',
  'IssuanceRightExpired',
] as const;

interface Target {
  process: ProcessName;
  step: ProcessStep;
  streamId: string;
  subject: string;
}

const itemId = (t: Target) => `${t.process}|${t.step}|${t.subject}`;

const offerLapse = (organizationId: string, transferId: string): Target => ({
  process: 'ownership-offer-expiry',
  step: 'lapse-offer',
  streamId: `organization-${organizationId}`,
  subject: `${organizationId}/${transferId}`,
});
const offerReminder = (organizationId: string, transferId: string): Target => ({
  process: 'reminders',
  step: 'remind-offer',
  streamId: `organization-${organizationId}`,
  subject: `${organizationId}/${transferId}`,
});
const termEnd = (subscriptionId: string): Target => ({
  process: 'subscription-renewal',
  step: 'term-end',
  streamId: `subscription-${subscriptionId}`,
  subject: subscriptionId,
});
const renewalReminder = (subscriptionId: string, daysBefore: number): Target => ({
  process: 'reminders',
  step: 'remind-renewal',
  streamId: `subscription-${subscriptionId}`,
  subject: `${subscriptionId}/${daysBefore}`,
});
const rightClosing = (rightId: string): Target => ({
  process: 'issuance-right-expiry',
  step: 'close-right',
  streamId: `issuance-right-${rightId}`,
  subject: rightId,
});

/**
 * `process-schedule`: what every process will do and when, derived from the log alone. Each event
 * is turned into whole-document puts computed from the event itself, never from what is stored:
 * replaying any stretch of the log (a crash, a rebuild, a second instance writing the same
 * documents) leaves exactly the documents one clean pass leaves.
 *
 * An item is keyed by what it watches (an offer, a subscription's term end, a right), so a later
 * event moves it (a renewal moves the term end, a declined charge moves it to the next retry, an
 * extension moves a right's expiry) or settles it (accepted, renewed, expired, reminded).
 */
export const processScheduleProjection = defineProjection({
  name: PROCESS_SCHEDULE_PROJECTION,
  version: 1,
  collections: processScheduleCollections,
  handles: SCHEDULE_EVENT_TYPES,
  apply(event) {
    return scheduleOperations(event).map(
      (document) => ({ type: 'put', collection: PROCESS_SCHEDULE, document: { ...document } }) as WriteOperation,
    );
  },
});

type Item = PendingScheduleItem | SettledScheduleItem;

export function scheduleOperations(event: RecordedEvent): Item[] {
  const pending = (target: Target, dueAt: string, payload: PendingScheduleItem['payload']): PendingScheduleItem => ({
    id: itemId(target),
    process: target.process,
    step: target.step,
    streamId: target.streamId,
    status: 'pending',
    dueAt: canonicalInstant(dueAt),
    payload,
    triggerEventId: event.eventId,
    triggerType: event.type,
    correlationId: event.metadata.correlationId,
    triggerPosition: event.position.toString(),
  });
  const settled = (target: Target): SettledScheduleItem => ({
    id: itemId(target),
    process: target.process,
    step: target.step,
    streamId: target.streamId,
    status: 'done',
    dueAt: null,
    settledBy: event.type,
    settledByEventId: event.eventId,
    settledAt: event.metadata.occurredAt,
  });
  const data = event.data as Record<string, unknown>;

  switch (event.type) {
    case 'OwnershipTransferInitiated': {
      const d = data as unknown as OwnershipTransferInitiated['data'];
      const ids = { organizationId: d.organizationId, transferId: d.transferId };
      return [
        pending(offerLapse(d.organizationId, d.transferId), d.expiresAt, ids),
        pending(offerReminder(d.organizationId, d.transferId), shift(d.expiresAt, -OWNERSHIP_TRANSFER_REMINDER_HOURS * HOUR_MS), ids),
      ];
    }
    case 'OwnershipTransferAccepted':
    case 'OwnershipTransferCancelled':
    case 'OwnershipTransferExpired': {
      const { organizationId, transferId } = data as { organizationId: string; transferId: string };
      return [settled(offerLapse(organizationId, transferId)), settled(offerReminder(organizationId, transferId))];
    }
    case 'OwnershipTransferReminded': {
      const { organizationId, transferId } = data as { organizationId: string; transferId: string };
      return [settled(offerReminder(organizationId, transferId))];
    }

    case 'SubscriptionPurchased':
    case 'DirectPurchaseRecorded':
    case 'SubscriptionRenewed': {
      const d = data as unknown as (SubscriptionPurchased | DirectPurchaseRecorded | SubscriptionRenewed)['data'];
      const end = canonicalInstant(d.periodEnd);
      const termMs = Date.parse(d.periodEnd) - Date.parse(d.periodStart);
      return [
        pending(termEnd(d.subscriptionId), end, { subscriptionId: d.subscriptionId, termEnd: end, attempt: 1 }),
        // A reminder is only worth it when the term is more than twice as long as its distance
        // (a monthly term gets the 7-day reminder, not the 30-day one).
        ...RENEWAL_REMINDER_DAYS.map((days) =>
          termMs > 2 * days * DAY_MS
            ? pending(renewalReminder(d.subscriptionId, days), shift(end, -days * DAY_MS), {
                subscriptionId: d.subscriptionId,
                termEnd: end,
                daysBefore: days,
              })
            : settled(renewalReminder(d.subscriptionId, days)),
        ),
      ];
    }
    case 'RenewalReminded': {
      const d = data as unknown as RenewalReminded['data'];
      return [settled(renewalReminder(d.subscriptionId, d.daysBefore))];
    }
    case 'RenewalChargeFailed': {
      const d = data as unknown as RenewalChargeFailed['data'];
      return [
        d.nextAttemptAt === null
          ? settled(termEnd(d.subscriptionId))
          : pending(termEnd(d.subscriptionId), d.nextAttemptAt, {
              subscriptionId: d.subscriptionId,
              termEnd: canonicalInstant(d.termEnd),
              attempt: d.attempt + 1,
            }),
      ];
    }
    case 'SubscriptionCancelled': {
      // Nothing will renew: no reminders. The term end stays: the subscription expires then.
      const { subscriptionId } = data as { subscriptionId: string };
      return RENEWAL_REMINDER_DAYS.map((days) => settled(renewalReminder(subscriptionId, days)));
    }
    case 'SubscriptionExpired': {
      const { subscriptionId } = data as { subscriptionId: string };
      return [settled(termEnd(subscriptionId)), ...RENEWAL_REMINDER_DAYS.map((days) => settled(renewalReminder(subscriptionId, days)))];
    }

    case 'IssuanceRightGranted':
    case 'IssuanceRightExtended': {
      const d = data as unknown as (IssuanceRightGranted | IssuanceRightExtended)['data'];
      return [pending(rightClosing(d.rightId), d.expiresAt, { rightId: d.rightId })];
    }
    case 'IssuanceRightBlocked':
    case 'IssuanceRightExpired': {
      const { rightId } = data as { rightId: string };
      return [settled(rightClosing(rightId))];
    }
    default:
      return [];
  }
}

function shift(instant: string, ms: number): string {
  return new Date(Date.parse(instant) + ms).toISOString();
}
