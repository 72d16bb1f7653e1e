import { Actor } from '@channel-ledger/event-store';

/** Who sent a command, on whose behalf, and how it relates to earlier work. */
export interface CommandEnvelope {
  /** Unique per intent: a client retrying the same intent sends the same id (Idempotency-Key). */
  commandId: string;
  correlationId: string;
  causationId: string;
  actor: Actor;
  onBehalfOf: Actor | null;
  /** Business time of the command, ISO-8601 UTC. */
  occurredAt: string;
}
