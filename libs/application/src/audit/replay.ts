import { isBefore } from '@channel-ledger/domain';
import { EventStore, RecordedEvent } from '@channel-ledger/event-store';
import { toDomain } from '../pipeline/command-pipeline';
import { deciderForStream } from '../streams/stream-registry';
import { EventLine, effectiveAtOfRecorded, eventLine, invoiceAfter } from './event-line';
import { LedgerSubject, subjectStream } from './ledger-subject';
import { summaryAt } from './subject-summary';
import { TimeAxes } from './time-axes';

export interface ReplayStep extends EventLine {
  /** The subject just after this event, read on the event's effective date. */
  stateAfter: unknown;
}

export interface Replay extends TimeAxes {
  subject: LedgerSubject;
  streamId: string;
  /** The events known at asKnownAt and in force on asOf, in stream order. */
  steps: ReplayStep[];
  /** Known at asKnownAt but not yet in force on asOf (dated later): named, not folded. */
  notYetInForce: EventLine[];
  /** What was true on asOf, as known at asKnownAt. */
  state: unknown;
}

/**
 * The auditor's replay on both time axes: the stream as the ledger knew it at `asKnownAt` (events
 * recorded later are not read), folded only with the facts in force on `asOf` (effective dates
 * respected, so a change dated after D does not count on D even if it was recorded before).
 */
export async function replay(store: EventStore, subject: LedgerSubject, axes: TimeAxes): Promise<Replay> {
  const streamId = subjectStream(subject);
  const decider = deciderForStream(streamId);
  if (!decider) throw new Error(`${streamId} is not a ledger stream`);
  const events = await store.readStream(streamId, axes.asKnownAt === null ? {} : { recordedUpTo: axes.asKnownAt });
  const steps: ReplayStep[] = [];
  const notYetInForce: EventLine[] = [];
  let state = decider.initialState;
  events.forEach((event: RecordedEvent, index) => {
    const line = eventLine(event, invoiceAfter(events, index));
    if (isBefore(axes.asOf, effectiveAtOfRecorded(event))) {
      notYetInForce.push(line);
      return;
    }
    state = decider.evolve(state, toDomain(event));
    steps.push({ ...line, stateAfter: summaryAt(streamId, state, line.effectiveAt) });
  });
  return { subject, streamId, ...axes, steps, notYetInForce, state: summaryAt(streamId, state, axes.asOf) };
}

/** "What was true on D, as known on T", without the steps. */
export async function stateAsOf(store: EventStore, subject: LedgerSubject, axes: TimeAxes) {
  const { steps, notYetInForce, ...rest } = await replay(store, subject, axes);
  return { ...rest, eventsInForce: steps.length, eventsNotYetInForce: notYetInForce.length, lastEvent: steps[steps.length - 1] ?? null };
}
