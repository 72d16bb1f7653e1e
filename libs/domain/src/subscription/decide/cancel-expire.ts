import { canonicalInstant } from '../../money/billing-period';
import { Decision, violation } from '../../shared/decider';
import { authorizeChange } from '../authorization';
import { CancelSubscription, ExpireSubscription } from '../commands';
import { SubscriptionEvent } from '../events';
import { existing, notFound, requireNotEnded } from '../lifecycle';
import { hasLapsed, latestPeriod } from '../periods';
import { SubscriptionState } from '../state';

/**
 * Cancellation stops renewal; it takes effect at the end of the last paid period (no refund,
 * no negative invoice), and the seats stay usable until then.
 */
export function decideCancel(command: CancelSubscription, state: SubscriptionState): Decision<SubscriptionEvent> {
  const s = existing(state);
  if (!s) return notFound();
  const refused = authorizeChange(command, s, { owner: true, others: ['support'] }) ?? requireNotEnded(s, command.now);
  if (refused) return refused;
  if (s.status === 'cancelled') {
    return violation('already-cancelled', `This subscription is already cancelled; it ends on ${s.cancellationEffectiveAt.slice(0, 10)}.`);
  }
  return [
    {
      type: 'SubscriptionCancelled',
      data: {
        subscriptionId: s.subscriptionId,
        cancelledAt: canonicalInstant(command.now),
        effectiveAt: latestPeriod(s).periodEnd,
        reason: command.reason?.trim() || null,
      },
    },
  ];
}

/** The sweep: records the expiry once paid time is over, and does nothing otherwise, however often it runs. */
export function decideExpire(command: ExpireSubscription, state: SubscriptionState): Decision<SubscriptionEvent> {
  const s = existing(state);
  if (!s) return [];
  const denied = authorizeChange(command, s, { owner: false, others: ['system', 'support'] });
  if (denied) return denied;
  if (s.status === 'expired' || !hasLapsed(s, command.now)) return [];
  return [
    {
      type: 'SubscriptionExpired',
      data: {
        subscriptionId: s.subscriptionId,
        expiredAt: latestPeriod(s).periodEnd,
        sweptAt: canonicalInstant(command.now),
        reason: s.status === 'cancelled' ? 'cancelled' : 'not-renewed',
      },
    },
  ];
}
