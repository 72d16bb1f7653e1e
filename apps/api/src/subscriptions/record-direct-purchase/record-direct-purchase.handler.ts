import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { derivedId, LedgerContext, recordDirectPurchase } from '@channel-ledger/application';
import { revisionOf } from '../command-answer';
import { DirectPurchaseAnswer, RecordDirectPurchaseCommand } from './record-direct-purchase.command';

@CommandHandler(RecordDirectPurchaseCommand)
export class RecordDirectPurchaseHandler implements ICommandHandler<RecordDirectPurchaseCommand, DirectPurchaseAnswer> {
  constructor(private readonly ledger: LedgerContext) {}

  async execute({ previousSubscriptionId, input, envelope }: RecordDirectPurchaseCommand): Promise<DirectPurchaseAnswer> {
    const subscriptionId = derivedId(`subscription|${envelope.commandId}`);
    const invoiceId = derivedId(`invoice|${envelope.commandId}`);
    const { paymentMethodId, paymentMethodKind, ...terms } = input;
    const outcome = await recordDirectPurchase(this.ledger, envelope, {
      ...terms,
      subscriptionId,
      invoiceId,
      previousResellerSubscriptionId: previousSubscriptionId,
      paymentMethod: { id: paymentMethodId, kind: paymentMethodKind },
    });
    return { subscriptionId, invoiceId, previousSubscriptionId, commandId: envelope.commandId, revision: revisionOf(outcome.events) };
  }
}
