import { canonicalJson } from './canonical-json';
import { AppendResult, DuplicateEventIdError, NewEvent } from './port';

/** What a store already holds under one of the ids being appended. */
export interface StoredEventIdentity {
  streamId: string;
  revision: bigint;
  position: bigint;
  type: string;
  /** The stored data in canonical JSON. */
  canonicalData: string;
}

/**
 * Decides whether an append is a retry of an earlier one. `stored[i]` is what the store holds
 * under `events[i].eventId` (undefined when nothing). A retry is recognized when every id is
 * already in this stream, consecutively and in this order, with the same type and data: the
 * original result is returned and the caller writes nothing. Metadata is not compared, because a
 * retried command legitimately carries another occurredAt. Any other overlap is a different write
 * reusing ids and is refused with DuplicateEventIdError.
 *
 * Shared by every adapter, so they recognize and refuse alike. The store cannot tell a command's
 * own retry that decided other data (a deadline computed from a later occurredAt) from a foreign
 * write reusing its ids: it refuses both. The command pipeline, which knows the command, answers
 * the first kind from the log (CommandPipeline.answerCollision).
 */
export function matchEarlierAppend(
  streamId: string,
  events: readonly NewEvent[],
  stored: ReadonlyArray<StoredEventIdentity | undefined>,
): AppendResult | null {
  if (stored.every((found) => found === undefined)) return null;
  const first = stored[0];
  events.forEach((event, index) => {
    const found = stored[index];
    const refuse = (detail: string) => new DuplicateEventIdError(event.eventId, detail);
    if (found === undefined || first === undefined) {
      throw refuse(`some events of this append were already stored in ${streamId}, others were not`);
    }
    if (found.streamId !== streamId) throw refuse(`was already appended to stream ${found.streamId}`);
    if (found.revision !== first.revision + BigInt(index)) throw refuse(`was already appended to ${streamId} in another batch or order`);
    if (found.type !== event.type || found.canonicalData !== canonicalJson(event.data)) {
      throw refuse(`was already appended to ${streamId} at revision ${found.revision} with a different type or data`);
    }
  });
  const last = stored[stored.length - 1]!;
  return { nextExpectedRevision: last.revision, position: last.position };
}
