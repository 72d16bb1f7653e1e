import type { RecordedEvent } from '../port';

/**
 * Where a stream's chain ended when a checkpoint was sealed. The hash alone pins the stream's
 * whole content up to that revision (each hash covers the previous one); revision and event id
 * let a verifier name what went missing, the position says where in the log it was.
 */
export interface StreamHead {
  streamId: string;
  revision: bigint;
  hash: string;
  eventId: string;
  position: bigint;
}

export function headOf(event: RecordedEvent): StreamHead {
  return {
    streamId: event.streamId,
    revision: event.revision,
    hash: event.metadata.hash,
    eventId: event.eventId,
    position: event.position,
  };
}

/** JSON form (bigints as decimal strings), as exports and the read-store checkpoint store keep it. */
export interface StreamHeadJson {
  streamId: string;
  revision: string;
  hash: string;
  eventId: string;
  position: string;
}

export function headToJson(head: StreamHead): StreamHeadJson {
  return {
    streamId: head.streamId,
    revision: head.revision.toString(),
    hash: head.hash,
    eventId: head.eventId,
    position: head.position.toString(),
  };
}

export function headFromJson(json: StreamHeadJson): StreamHead {
  return {
    streamId: json.streamId,
    revision: BigInt(json.revision),
    hash: json.hash,
    eventId: json.eventId,
    position: BigInt(json.position),
  };
}

/** Stream ids in UTF-16 code unit order: the order the Merkle leaves are in, whatever the store sorts by. */
export function byStreamId(a: { streamId: string }, b: { streamId: string }): number {
  return a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0;
}
