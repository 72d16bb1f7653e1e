import { Decider } from '../shared/decider';
import { SubscriptionCommand } from './commands';
import { decideSubscription } from './decide';
import { SubscriptionEvent } from './events';
import { evolveSubscription } from './evolve';
import { initialSubscriptionState, SubscriptionState } from './state';

export const subscriptionDecider: Decider<SubscriptionCommand, SubscriptionEvent, SubscriptionState> = {
  initialState: initialSubscriptionState,
  decide: decideSubscription,
  evolve: evolveSubscription,
};

export function subscriptionStream(subscriptionId: string): string {
  return `subscription-${subscriptionId}`;
}
