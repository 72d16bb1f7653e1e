import { RuleViolation, violation } from '../shared/decider';
import { requireVerifiedReseller } from '../shared/reseller-guard';
import { ActorKind, Actor, Instant, ResellerFacts } from '../shared/types';
import { ownershipAt } from './periods';
import { SubscriptionRecord, SubscriptionState } from './state';
import { existing, notFound } from './lifecycle';
import { InvoiceOwnership } from './terms';

/** Rule 8, in the words the customer sees. */
export function customerIsReadOnly(ownership: InvoiceOwnership): RuleViolation {
  return violation('customer-is-read-only', `This subscription was bought through ${ownership.owner.name}; ask them to make the change.`, {
    resellerId: ownership.owner.id,
    resellerName: ownership.owner.name,
  });
}

export interface ChangeRequest {
  readonly actor: Actor;
  readonly now: Instant;
  readonly context?: { readonly reseller?: ResellerFacts | null };
}

export interface WhoMayChange {
  /** The invoice owner: the owning reseller, or the customer itself for a direct subscription. */
  readonly owner: boolean;
  /** Further actor kinds allowed (support, system sweeps). */
  readonly others: readonly ActorKind[];
}

/**
 * Every change to an existing subscription goes through here, in this order:
 * a customer of a channel purchase is read-only (rule 8) whatever it asks; a reseller must be
 * the current invoice owner (others get a not-found-like refusal) and verified (rule 1).
 */
export function authorizeChange(request: ChangeRequest, s: SubscriptionRecord, who: WhoMayChange): RuleViolation | null {
  const ownership = ownershipAt(s, request.now);
  const { actor } = request;

  if (actor.kind === 'customer' && ownership.channel !== 'direct') return customerIsReadOnly(ownership);

  const isOwnerKind = actor.kind === 'reseller' || actor.kind === 'customer';
  if (!(isOwnerKind ? who.owner : who.others.includes(actor.kind))) {
    return violation('actor-not-allowed', `A ${actor.kind} cannot do this on a subscription.`, { actorKind: actor.kind });
  }

  if (actor.kind === 'reseller') {
    if (ownership.owner.kind !== 'reseller' || ownership.owner.id !== actor.id) {
      // Answered exactly like a missing subscription: another reseller's customers are never confirmed to exist.
      return notFound();
    }
    const reseller = request.context?.reseller;
    const unverified = requireVerifiedReseller(reseller);
    if (unverified) return unverified;
    if (reseller!.resellerId !== actor.id) {
      return violation('reseller-context-mismatch', 'The reseller facts given do not belong to the acting reseller.');
    }
  }
  return null;
}

/**
 * The widest door onto an existing subscription: the invoice owner (a verified reseller, or the
 * organization of a direct purchase) and support. Quotes show prices, so they use it as is;
 * changes pass it before their other facts are loaded (nothing about another reseller's
 * subscription leaks through a plan or payment refusal), then their own narrower check.
 */
export function requireOwnerOrSupport(request: ChangeRequest, state: SubscriptionState): RuleViolation | null {
  const s = existing(state);
  if (!s) return notFound();
  return authorizeChange(request, s, { owner: true, others: ['support'] });
}
