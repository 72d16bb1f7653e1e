import { invoiceOwnerAsOf, SubscriptionEvent, TimedEvent } from '@channel-ledger/domain';
import { EventStore } from '@channel-ledger/event-store';
import { toDomain } from '../pipeline/command-pipeline';
import { EventLine, eventLine } from './event-line';

const OWNERSHIP_EVENTS = new Set(['SubscriptionPurchased', 'DirectPurchaseRecorded', 'InvoiceOwnerChanged']);

export interface InvoiceOwnerFromLog {
  subscriptionId: string;
  at: string;
  asKnownAt: string | null;
  /** Null before the purchase (or when the ledger did not know of it yet at asKnownAt). */
  invoiceOwner: { kind: string; id: string; name: string; email: string; channel: string; since: string } | null;
  /** The event that made it so. */
  madeSoBy: EventLine | null;
  /** Every ownership fact in force on `at`, in stream order. */
  events: EventLine[];
}

/**
 * Support's and the auditor's question, answered from the log itself rather than the read model:
 * who was the invoice owner of a subscription on `at`, as the ledger knew it at `asKnownAt`, since
 * when, through which channel, and which events made it so.
 */
export async function invoiceOwnerFromLog(
  store: EventStore,
  subscriptionId: string,
  axes: { at: string; asKnownAt: string | null },
): Promise<InvoiceOwnerFromLog> {
  const events = await store.readStream(`subscription-${subscriptionId}`, axes.asKnownAt === null ? {} : { recordedUpTo: axes.asKnownAt });
  const history: TimedEvent<SubscriptionEvent>[] = events.map((e) => ({
    event: toDomain<SubscriptionEvent>(e),
    occurredAt: e.metadata.occurredAt,
  }));
  const owner = invoiceOwnerAsOf(history, axes.at);
  const lines = events
    .filter((e) => OWNERSHIP_EVENTS.has(e.type))
    .map((e) => eventLine(e))
    .filter((line) => Date.parse(line.effectiveAt) <= Date.parse(axes.at));
  const madeSoBy = owner ? ([...lines].reverse().find((line) => Date.parse(line.effectiveAt) === Date.parse(owner.from)) ?? null) : null;
  return {
    subscriptionId,
    at: axes.at,
    asKnownAt: axes.asKnownAt,
    invoiceOwner: owner ? { ...owner.owner, channel: owner.channel, since: owner.from } : null,
    madeSoBy,
    events: lines,
  };
}
