import { RuleViolationError } from '@channel-ledger/application';
import { violation } from '@channel-ledger/domain';
import { Actor, ActorKind } from '@channel-ledger/event-store';

/**
 * Refuses a caller of the wrong kind. Answered as not found, like every resource the caller may
 * not see: the API never confirms what exists to someone who may not read it.
 */
export function requireActor(actor: Actor, kinds: readonly ActorKind[], what: string): void {
  if (!kinds.includes(actor.kind)) {
    throw new RuleViolationError(violation('not-found', `No ${what} is visible to you.`));
  }
}
