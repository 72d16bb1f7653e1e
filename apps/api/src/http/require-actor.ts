import { Actor, ActorKind } from '@channel-ledger/event-store';
import { notVisible } from './not-visible';

/** Support and auditors read everything (DESIGN.md §1). */
export function readsEverything(actor: Actor): boolean {
  return actor.kind === 'support' || actor.kind === 'auditor';
}

/** The owner itself, or someone who reads everything. */
export function mayReadOwnedBy(actor: Actor, owner: Actor): boolean {
  return (actor.kind === owner.kind && actor.id === owner.id) || readsEverything(actor);
}

/** Refuses a caller of the wrong kind, as not found (see notVisible). */
export function requireActor(actor: Actor, kinds: readonly ActorKind[], what: string): void {
  if (!kinds.includes(actor.kind)) throw notVisible(what);
}
