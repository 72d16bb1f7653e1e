import { RuleViolation, violation } from '../shared/decider';
import { requireVerifiedReseller } from '../shared/reseller-guard';
import { Actor, ResellerFacts } from '../shared/types';

/**
 * For commands a reseller sends to other streams: the actor must be a reseller, the facts the
 * caller read must be that reseller's, and rule 1 must hold. A mismatch is answered like an
 * unknown reseller, so nothing is confirmed about someone else's account.
 */
export function requireActingReseller(actor: Actor, reseller: ResellerFacts | null | undefined): RuleViolation | null {
  if (actor.kind !== 'reseller' || (reseller && reseller.resellerId !== actor.id)) {
    return violation('reseller-not-found', 'No reseller is registered under this id.');
  }
  return requireVerifiedReseller(reseller);
}
