import {
  AppendResult,
  AppendTooLargeError,
  DuplicateEventIdError,
  EventStore,
  EventStoreDbEventStore,
  ExpectedRevision,
  InvalidEventStoreInputError,
  NewEvent,
  WrongExpectedRevisionError,
  ForwardingEventStore,
} from '@channel-ledger/event-store';
import { assignLogContext } from './logging';
import { Metrics, streamCategory } from './metrics';

/** How many recently conflicted commands are remembered to count their retries. */
const CONFLICTED_COMMANDS_KEPT = 1000;

/**
 * The EventStore port, measured: wraps the store the API opened (a decorator: every call goes to
 * the real store unchanged) and counts appends by outcome and latency, events by type,
 * optimistic-concurrency conflicts and the retries that follow them. It also puts the command id
 * and correlation id of what is being appended on the request's log lines. The command pipeline
 * itself is untouched: a retry is recognized as a second append of the same command id after a
 * conflict.
 */
export class InstrumentedEventStore extends ForwardingEventStore {
  private readonly conflicted = new Set<string>();

  constructor(
    inner: EventStore,
    private readonly metrics: Metrics,
    /** The store itself, under the ledger's decorators (upcasting, encryption): what kind it is. */
    private readonly raw: EventStore = inner,
  ) {
    super(inner);
  }

  override async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const category = typeof streamId === 'string' ? streamCategory(streamId) : 'other';
    const metadata = events?.[0]?.metadata;
    const commandId = typeof metadata?.commandId === 'string' ? metadata.commandId : null;
    if (commandId) assignLogContext({ commandId, correlationId: String(metadata!.correlationId) });
    if (commandId && this.conflicted.delete(commandId)) this.metrics.retries.inc({ category });
    const stop = this.metrics.appendDuration.startTimer({ category });
    try {
      const result = await this.inner.append(streamId, events, expected);
      stop({ outcome: 'ok' });
      for (const event of events) this.metrics.eventsAppended.inc({ type: event.type });
      return result;
    } catch (error) {
      stop({ outcome: appendOutcome(error) });
      if (error instanceof WrongExpectedRevisionError) {
        this.metrics.conflicts.inc({ category });
        if (commandId) this.remember(commandId);
      }
      throw error;
    }
  }

  /** The EventStoreDB store behind this one, for its subscription health; null on SQLite. */
  get eventStoreDb(): EventStoreDbEventStore | null {
    return this.raw instanceof EventStoreDbEventStore ? this.raw : null;
  }

  private remember(commandId: string): void {
    this.conflicted.add(commandId);
    if (this.conflicted.size > CONFLICTED_COMMANDS_KEPT) this.conflicted.delete(this.conflicted.values().next().value!);
  }
}

function appendOutcome(error: unknown): string {
  if (error instanceof WrongExpectedRevisionError) return 'conflict';
  if (error instanceof DuplicateEventIdError) return 'duplicate';
  if (error instanceof AppendTooLargeError) return 'too-large';
  if (error instanceof InvalidEventStoreInputError) return 'invalid';
  return 'error';
}
