import { effectiveAtOf, InvoiceIssued, SubscriptionEvent } from '@channel-ledger/domain';
import { Actor, RecordedEvent } from '@channel-ledger/event-store';
import { describeEvent } from '@channel-ledger/projections';
import { toDomain } from '../pipeline/command-pipeline';

/** One event as an auditor reads it: who, for whom, both times, and a sentence. */
export interface EventLine {
  position: string;
  revision: string;
  eventId: string;
  type: string;
  actor: Actor;
  onBehalfOf: Actor | null;
  /** Business time: when the command said it happened. */
  occurredAt: string;
  /** Business time: when it takes effect (differs for dated changes and expiries). */
  effectiveAt: string;
  /** Recorded time: when the ledger learned it. */
  recordedAt: string;
  sentence: string;
}

export function effectiveAtOfRecorded(event: RecordedEvent): string {
  const occurredAt = event.metadata.occurredAt;
  if (!event.streamId.startsWith('subscription-')) return occurredAt;
  try {
    return effectiveAtOf(toDomain<SubscriptionEvent>(event), occurredAt) ?? occurredAt;
  } catch {
    return occurredAt;
  }
}

/**
 * `invoice`: the InvoiceIssued the same command appended, so a seat addition or plan change reads
 * with its price, as in the audit trail.
 */
export function eventLine(event: RecordedEvent, invoice: RecordedEvent | null = null): EventLine {
  const m = event.metadata;
  const sentence = describeEvent(event.data, {
    type: event.type,
    streamId: event.streamId,
    actor: { kind: m.actor.kind, id: m.actor.id },
    subscription: null,
    organization: null,
    license: null,
    resellerName: (id) => id,
    invoice: invoice ? (invoice.data as unknown as InvoiceIssued['data']) : null,
  });
  return {
    position: event.position.toString(),
    revision: event.revision.toString(),
    eventId: event.eventId,
    type: event.type,
    actor: m.actor,
    onBehalfOf: m.onBehalfOf,
    occurredAt: m.occurredAt,
    effectiveAt: effectiveAtOfRecorded(event),
    recordedAt: m.recordedAt,
    sentence,
  };
}

/** The invoice of the same command right after `index`, if any. */
export function invoiceAfter(events: readonly RecordedEvent[], index: number): RecordedEvent | null {
  const next = events[index + 1];
  return next && next.type === 'InvoiceIssued' && next.metadata.commandId === events[index].metadata.commandId ? next : null;
}
