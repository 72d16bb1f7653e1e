import { RuleViolation, violation } from '../shared/decider';
import { Instant } from '../shared/types';
import { hasLapsed, latestPeriod } from './periods';
import { ExistingSubscription, SubscriptionState } from './state';

export function notFound(): RuleViolation {
  return violation('subscription-not-found', 'There is no subscription with this id.');
}

/**
 * Once the paid time is over the subscription has ended, whether or not the expiry sweep has
 * recorded it yet; nothing is added to an ended subscription.
 */
export function requireNotEnded(s: ExistingSubscription, now: Instant): RuleViolation | null {
  if (s.status === 'expired' || hasLapsed(s, now)) {
    const endedAt = s.status === 'expired' ? s.expiredAt : latestPeriod(s).periodEnd;
    return violation('subscription-expired', `This subscription ended on ${endedAt.slice(0, 10)}; a new purchase is needed.`, { endedAt });
  }
  return null;
}

/** A cancelled subscription runs out its paid time but takes no new charges. */
export function requireNotCancelled(s: ExistingSubscription): RuleViolation | null {
  return s.status === 'cancelled'
    ? violation('subscription-cancelled', `This subscription was cancelled and ends on ${s.cancellationEffectiveAt.slice(0, 10)}.`)
    : null;
}

export function existing(state: SubscriptionState): ExistingSubscription | null {
  return state.status === 'none' ? null : state;
}
