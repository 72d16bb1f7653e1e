import { isBefore } from '../../money/billing-period';
import { Instant } from '../../shared/types';
import { SubscriptionEvent } from '../events';
import { evolveSubscription } from '../evolve';
import { invoiceOwnerAt, termsAt } from '../queries';
import { initialSubscriptionState, SubscriptionState } from '../state';
import { InvoiceOwnership } from '../terms';
import { effectiveAtOf, TimedEvent } from './effective-time';

/**
 * The subscription as it stood on business date `at`: only the facts in force by then are folded.
 * `evolve` applies a seat addition to every period still open at its effective date, so folding
 * everything and then asking `termsAt(state, D)` counts seats added after D as if they were
 * already there; folding by effective date does not.
 */
export function subscriptionAsOf(history: readonly TimedEvent<SubscriptionEvent>[], at: Instant): SubscriptionState {
  return history.reduce(
    (state, { event, occurredAt }) => (isBefore(at, effectiveAtOf(event, occurredAt)) ? state : evolveSubscription(state, event)),
    initialSubscriptionState,
  );
}

/** The facts of `history` not yet in force on `at` (the auditor sees them named, not silently dropped). */
export function notYetInForce<E extends TimedEvent<SubscriptionEvent>>(history: readonly E[], at: Instant): E[] {
  return history.filter(({ event, occurredAt }) => isBefore(at, effectiveAtOf(event, occurredAt)));
}

/** Plan, price, seats and period in force on `at`; null before the purchase or once everything paid has ended. */
export function termsAsOf(history: readonly TimedEvent<SubscriptionEvent>[], at: Instant) {
  return termsAt(subscriptionAsOf(history, at), at);
}

/** Who invoices went to on `at`, from the changes in force by then; null before the purchase. */
export function invoiceOwnerAsOf(history: readonly TimedEvent<SubscriptionEvent>[], at: Instant): InvoiceOwnership | null {
  return invoiceOwnerAt(subscriptionAsOf(history, at), at);
}
