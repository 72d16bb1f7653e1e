import { deciderForStream, toDomain } from '@channel-ledger/application';
import { EventStore, RecordedEvent } from '@channel-ledger/event-store';

export interface AsOf {
  /** Inclusive revision bound. */
  revision?: bigint;
  /** Inclusive recordedAt bound (ISO-8601): the stream as the ledger knew it then. */
  recordedAt?: string;
}

/** The stream's events up to the bound, and the state they fold to: an auditor's replay. */
export async function replayStream(store: EventStore, streamId: string, asOf: AsOf = {}) {
  const decider = deciderForStream(streamId);
  if (!decider) throw new Error(`"${streamId}" is not a ledger stream (expected <category>-<id>)`);
  const events = await store.readStream(streamId, { toRevision: asOf.revision, recordedUpTo: asOf.recordedAt });
  const state = events.reduce((s: unknown, e: RecordedEvent) => decider.evolve(s as never, toDomain(e)), decider.initialState);
  return { events, state };
}

/** JSON with bigints as decimal strings (positions and revisions never lose precision). */
export function toJsonLine(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}
