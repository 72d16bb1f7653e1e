import { Actor } from '@channel-ledger/event-store';

/** Who sent a command, on whose behalf, and how it relates to earlier work. */
export interface CommandEnvelope {
  /** Unique per intent: a client retrying the same intent sends the same id (Idempotency-Key). */
  commandId: string;
  correlationId: string;
  causationId: string;
  /** Who acted, as recorded in every event: the signed-in person or the API key. */
  actor: Actor;
  onBehalfOf: Actor | null;
  /**
   * The capacity the domain decides for when it differs from `actor`: an API key acting as its
   * reseller, a vendor administrator (a person) acting as its vendor. Absent: `actor` itself.
   */
  actingAs?: Actor;
  /** Business time of the command, ISO-8601 UTC. */
  occurredAt: string;
}

/** The actor the deciders see. */
export function actingParty(envelope: CommandEnvelope): Actor {
  return envelope.actingAs ?? envelope.actor;
}

/**
 * Records the party a command is for (a reseller acting for its customer's organization,
 * support acting for a reseller) unless the actor is that party or the edge named another one.
 * An API key is recorded as acting for its own tenant; acting on a customer's organization, the
 * organization is the more precise answer (the key's tenant is in its ApiKeyCreated event).
 */
export function onBehalfOf(envelope: CommandEnvelope, party: Actor): CommandEnvelope {
  const self = actingParty(envelope);
  const same = (a: Actor | null, b: Actor) => a !== null && a.kind === b.kind && a.id === b.id;
  if (same(self, party)) return envelope;
  if (envelope.onBehalfOf && !same(envelope.onBehalfOf, self)) return envelope;
  return { ...envelope, onBehalfOf: party };
}
