import type { RecordedEvent } from '@channel-ledger/event-store';

/** A projection could not handle one event (apply threw, or its operations were refused). */
export class ProjectionEventError extends Error {
  override readonly name = 'ProjectionEventError';
  readonly position: bigint;
  readonly eventType: string;
  readonly reason: string;

  constructor(
    readonly projection: string,
    event: RecordedEvent,
    override readonly cause: unknown,
  ) {
    const reason = describeError(cause);
    super(`Projection "${projection}" failed on ${event.type} at position ${event.position}: ${reason}`);
    this.position = event.position;
    this.eventType = event.type;
    this.reason = reason;
  }
}

/** waitUntilCaughtUp gave up: a projection it waits for has failed or is stopped. */
export class ProjectionNotRunningError extends Error {
  override readonly name = 'ProjectionNotRunningError';
  constructor(
    readonly projection: string,
    readonly state: string,
    detail?: string,
  ) {
    super(`Projection "${projection}" is ${state}${detail ? `: ${detail}` : ''}; it will not catch up until restarted`);
  }
}

export class CatchUpTimeoutError extends Error {
  override readonly name = 'CatchUpTimeoutError';
}

export class UnknownProjectionError extends Error {
  override readonly name = 'UnknownProjectionError';
  constructor(readonly projection: string) {
    super(`Unknown projection "${projection}"`);
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
