import { Actor, ActorKind } from '@channel-ledger/event-store';
import { notVisible } from './not-visible';

/** Refuses a caller of the wrong kind, as not found (see notVisible). */
export function requireActor(actor: Actor, kinds: readonly ActorKind[], what: string): void {
  if (!kinds.includes(actor.kind)) throw notVisible(what);
}
