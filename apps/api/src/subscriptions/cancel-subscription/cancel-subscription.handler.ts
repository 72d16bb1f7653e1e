import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { cancelSubscription, LedgerContext } from '@channel-ledger/application';
import { revisionOf } from '../command-answer';
import { CancellationAnswer, CancelSubscriptionCommand } from './cancel-subscription.command';

@CommandHandler(CancelSubscriptionCommand)
export class CancelSubscriptionHandler implements ICommandHandler<CancelSubscriptionCommand, CancellationAnswer> {
  constructor(private readonly ledger: LedgerContext) {}

  async execute({ subscriptionId, input, envelope }: CancelSubscriptionCommand): Promise<CancellationAnswer> {
    const outcome = await cancelSubscription(this.ledger, envelope, { subscriptionId, reason: input.reason });
    const cancelled = outcome.state.status === 'cancelled' ? outcome.state.cancellationEffectiveAt : '';
    return { subscriptionId, effectiveAt: cancelled, commandId: envelope.commandId, revision: revisionOf(outcome.events) };
  }
}
