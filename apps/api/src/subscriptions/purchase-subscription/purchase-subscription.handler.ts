import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { derivedId, LedgerContext, purchaseForCustomer } from '@channel-ledger/application';
import { revisionOf } from '../command-answer';
import { PurchaseAnswer, PurchaseSubscriptionCommand } from './purchase-subscription.command';

@CommandHandler(PurchaseSubscriptionCommand)
export class PurchaseSubscriptionHandler implements ICommandHandler<PurchaseSubscriptionCommand, PurchaseAnswer> {
  constructor(private readonly ledger: LedgerContext) {}

  async execute({ input, envelope }: PurchaseSubscriptionCommand): Promise<PurchaseAnswer> {
    const subscriptionId = derivedId(`subscription|${envelope.commandId}`);
    const invoiceId = derivedId(`invoice|${envelope.commandId}`);
    const { purchase, transferId } = await purchaseForCustomer(this.ledger, envelope, {
      ...input,
      subscriptionId,
      invoiceId,
      transferId: derivedId(`ownership-transfer|${envelope.commandId}`),
    });
    return { subscriptionId, invoiceId, transferId, commandId: envelope.commandId, revision: revisionOf(purchase.events) };
  }
}
