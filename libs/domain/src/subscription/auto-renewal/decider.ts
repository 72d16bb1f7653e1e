import { Decider } from '../../shared/decider';
import { evolveSubscription } from '../evolve';
import { initialSubscriptionState, SubscriptionState } from '../state';
import { SubscriptionRenewalCommand } from './commands';
import { decideSubscriptionRenewal } from './decide';
import { SubscriptionStreamEvent } from './events';

/**
 * The renewal side of a subscription stream (auto-renewal setting, reminders, charges and
 * dunning): its own commands, the stream's one evolve. Runs on `subscription-<id>` like
 * subscriptionDecider.
 */
export const subscriptionRenewalDecider: Decider<SubscriptionRenewalCommand, SubscriptionStreamEvent, SubscriptionState> = {
  initialState: initialSubscriptionState,
  decide: decideSubscriptionRenewal,
  evolve: evolveSubscription,
};
