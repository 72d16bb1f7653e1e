import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { addPaymentMethod, derivedId, LedgerContext } from '@channel-ledger/application';
import { revisionOf } from '../../subscriptions/command-answer';
import { AddPaymentMethodCommand, PaymentMethodAnswer } from './add-payment-method.command';

@CommandHandler(AddPaymentMethodCommand)
export class AddPaymentMethodHandler implements ICommandHandler<AddPaymentMethodCommand, PaymentMethodAnswer> {
  constructor(private readonly ledger: LedgerContext) {}

  async execute({ resellerId, input, envelope }: AddPaymentMethodCommand): Promise<PaymentMethodAnswer> {
    // Another reseller (or an unknown id) is answered by the decider as reseller-not-found.
    const paymentMethodId = derivedId(`payment-method|${envelope.commandId}`);
    const { events } = await addPaymentMethod(this.ledger, envelope, { resellerId, paymentMethodId, ...input });
    return { resellerId, paymentMethodId, commandId: envelope.commandId, revision: revisionOf(events) };
  }
}
