import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { derivedId, LedgerContext, renewSubscription } from '@channel-ledger/application';
import { ChargeAnswer, revisionOf } from '../command-answer';
import { RenewSubscriptionCommand } from './renew-subscription.command';

@CommandHandler(RenewSubscriptionCommand)
export class RenewSubscriptionHandler implements ICommandHandler<RenewSubscriptionCommand, ChargeAnswer> {
  constructor(private readonly ledger: LedgerContext) {}

  async execute({ subscriptionId, input, envelope }: RenewSubscriptionCommand): Promise<ChargeAnswer> {
    const invoiceId = derivedId(`invoice|${envelope.commandId}`);
    const outcome = await renewSubscription(this.ledger, envelope, { subscriptionId, invoiceId, ...input });
    return { subscriptionId, invoiceId, commandId: envelope.commandId, revision: revisionOf(outcome.events) };
  }
}
