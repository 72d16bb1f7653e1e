import { RecordedEvent } from '@channel-ledger/event-store';

/**
 * The stream revision a command left, as a string (a bigint does not serialize); null when the
 * command recorded nothing (already so, e.g. a repeated cancellation is refused, a no-op is not).
 */
export function revisionOf(events: readonly RecordedEvent[]): string | null {
  return events.at(-1)?.revision.toString() ?? null;
}

/** What every subscription command answers: the subscription, the command, and the revision to expect next. */
export interface SubscriptionCommandAnswer {
  subscriptionId: string;
  commandId: string;
  revision: string | null;
}

/** A command that issued an invoice (purchase, seats, plan change, renewal) also names it. */
export interface ChargeAnswer extends SubscriptionCommandAnswer {
  invoiceId: string;
}

export const subscriptionUrl = (subscriptionId: string) => `/subscriptions/${subscriptionId}`;
