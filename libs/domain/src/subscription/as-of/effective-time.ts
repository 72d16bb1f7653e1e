import { Instant } from '../../shared/types';
import { SubscriptionEvent } from '../events';

/**
 * An event as the log holds it for business-time questions: the fact, and the business time the
 * command carried (`occurredAt` of its metadata). Kept apart from the recorded time on purpose:
 * which events the ledger knew at T is the caller's cut (it reads the log up to T); which of them
 * were in force on D is the domain's (this file).
 */
export interface TimedEvent<E> {
  readonly event: E;
  readonly occurredAt: Instant;
}

/**
 * When a subscription fact takes effect. Seat additions, plan changes and invoice-owner changes
 * carry their own effective date, which may differ from the moment the command was decided (a
 * change entered late, or one dated ahead); an expiry is in force from the end of the paid time,
 * not from when the sweep noticed it. Everything else takes effect when it occurred.
 */
export function effectiveAtOf(event: SubscriptionEvent, occurredAt: Instant): Instant {
  switch (event.type) {
    case 'SeatsPurchased':
    case 'PlanChanged':
    case 'InvoiceOwnerChanged':
      return event.data.effectiveAt;
    case 'SubscriptionExpired':
      return event.data.expiredAt;
    case 'SubscriptionPurchased':
    case 'DirectPurchaseRecorded':
      return event.data.purchasedAt;
    default:
      return occurredAt;
  }
}
