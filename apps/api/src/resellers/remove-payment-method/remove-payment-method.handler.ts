import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LedgerContext, removePaymentMethod } from '@channel-ledger/application';
import { revisionOf } from '../../subscriptions/command-answer';
import { PaymentMethodAnswer } from '../add-payment-method/add-payment-method.command';
import { RemovePaymentMethodCommand } from './remove-payment-method.command';

@CommandHandler(RemovePaymentMethodCommand)
export class RemovePaymentMethodHandler implements ICommandHandler<RemovePaymentMethodCommand, PaymentMethodAnswer> {
  constructor(private readonly ledger: LedgerContext) {}

  async execute({ resellerId, paymentMethodId, envelope }: RemovePaymentMethodCommand): Promise<PaymentMethodAnswer> {
    const { events } = await removePaymentMethod(this.ledger, envelope, { resellerId, paymentMethodId });
    return { resellerId, paymentMethodId, commandId: envelope.commandId, revision: revisionOf(events) };
  }
}
