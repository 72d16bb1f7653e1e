import { Decider, DomainEvent, isViolation } from '@channel-ledger/domain';
import {
  EventStore,
  eventIdFor,
  JsonObject,
  NewEvent,
  RecordedEvent,
  WrongExpectedRevisionError,
} from '@channel-ledger/event-store';
import { CommandEnvelope } from './command-envelope';
import { ConcurrencyConflictError, RuleViolationError } from './errors';
import { ChainGuard } from './stream-integrity';

export const EVENT_SCHEMA_VERSION = 1;

export interface StreamCommand<C, E extends DomainEvent, S> {
  streamId: string;
  decider: Decider<C, E, S>;
  command: C;
  envelope: CommandEnvelope;
}

export interface CommandOutcome<E extends DomainEvent, S> {
  /** False when this command id had already been handled: nothing was appended this time. */
  appended: boolean;
  /** The events this command produced (the original ones on a repeat). */
  events: RecordedEvent[];
  /** The stream's state after the command's events (on a repeat: after the original events). */
  state: S;
  /** Domain view of `events`. */
  domainEvents: E[];
}

export interface CommandPipelineOptions {
  /** How many times a concurrent write is retried (reload, decide again) before giving up. */
  maxAttempts?: number;
  /** Checks each stream's history before deciding on it (default: a ChainGuard of its own). */
  integrity?: ChainGuard;
}

/**
 * The one way commands reach the log: load the stream, fold it, decide, append at the
 * revision that was read. A conflict means the state we decided on is stale, so the
 * whole cycle runs again (bounded). A command id seen before is answered from the log. Before
 * anything is decided the stream's history is checked (ChainGuard): a broken one is refused.
 */
export class CommandPipeline {
  private readonly maxAttempts: number;
  /** Refuses to decide on (and so to append to) a stream whose stored history is not intact. */
  readonly integrity: ChainGuard;

  constructor(private readonly store: EventStore, options: CommandPipelineOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? 10;
    this.integrity = options.integrity ?? new ChainGuard();
  }

  async execute<C, E extends DomainEvent, S>(spec: StreamCommand<C, E, S>): Promise<CommandOutcome<E, S>> {
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const history = await this.store.readStream(spec.streamId);
      await this.integrity.check(spec.streamId, history);
      const repeat = answerFromHistory(spec, history);
      if (repeat) return repeat;

      const state = history.reduce((s, e) => spec.decider.evolve(s, toDomain<E>(e)), spec.decider.initialState);
      const decision = spec.decider.decide(spec.command, state);
      if (isViolation(decision)) throw new RuleViolationError(decision);
      if (decision.length === 0) return { appended: false, events: [], domainEvents: [], state };

      const expected = history.length === 0 ? 'no-stream' : history[history.length - 1].revision;
      try {
        await this.store.append(spec.streamId, decision.map((e, i) => toNewEvent(e, i, spec.envelope)), expected);
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) {
          await backOff(attempt);
          continue;
        }
        throw error;
      }
      const written = await this.store.readStream(spec.streamId);
      this.integrity.noteAppended(spec.streamId, written);
      const answer = answerFromHistory(spec, written);
      if (!answer) throw new Error(`stream ${spec.streamId}: appended events could not be read back`);
      return { ...answer, appended: true };
    }
    throw new ConcurrencyConflictError(spec.streamId, this.maxAttempts);
  }
}

/** Jittered, growing pause so writers that collided do not collide again in lockstep. */
function backOff(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(100, 5 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function answerFromHistory<C, E extends DomainEvent, S>(
  spec: StreamCommand<C, E, S>,
  history: RecordedEvent[],
): CommandOutcome<E, S> | null {
  const ownIndex = history.findIndex((e) => e.metadata.commandId === spec.envelope.commandId);
  if (ownIndex < 0) return null;
  let end = ownIndex;
  while (end + 1 < history.length && history[end + 1].metadata.commandId === spec.envelope.commandId) end++;
  const events = history.slice(ownIndex, end + 1);
  const state = history
    .slice(0, end + 1)
    .reduce((s, e) => spec.decider.evolve(s, toDomain<E>(e)), spec.decider.initialState);
  return { appended: false, events, domainEvents: events.map((e) => toDomain<E>(e)), state };
}

export function toDomain<E extends DomainEvent>(event: RecordedEvent): E {
  return { type: event.type, data: event.data } as unknown as E;
}

function toNewEvent(event: DomainEvent, index: number, envelope: CommandEnvelope): NewEvent {
  return {
    eventId: eventIdFor(envelope.commandId, index),
    type: event.type,
    data: event.data as JsonObject,
    metadata: {
      commandId: envelope.commandId,
      correlationId: envelope.correlationId,
      causationId: envelope.causationId,
      actor: envelope.actor,
      onBehalfOf: envelope.onBehalfOf,
      occurredAt: envelope.occurredAt,
      schemaVersion: EVENT_SCHEMA_VERSION,
    },
  };
}
