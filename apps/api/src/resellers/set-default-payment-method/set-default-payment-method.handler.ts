import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LedgerContext, setDefaultPaymentMethod } from '@channel-ledger/application';
import { revisionOf } from '../../subscriptions/command-answer';
import { PaymentMethodAnswer } from '../add-payment-method/add-payment-method.command';
import { SetDefaultPaymentMethodCommand } from './set-default-payment-method.command';

@CommandHandler(SetDefaultPaymentMethodCommand)
export class SetDefaultPaymentMethodHandler implements ICommandHandler<SetDefaultPaymentMethodCommand, PaymentMethodAnswer> {
  constructor(private readonly ledger: LedgerContext) {}

  async execute({ resellerId, paymentMethodId, envelope }: SetDefaultPaymentMethodCommand): Promise<PaymentMethodAnswer> {
    const { events } = await setDefaultPaymentMethod(this.ledger, envelope, { resellerId, paymentMethodId });
    // Already the default: nothing recorded, revision null.
    return { resellerId, paymentMethodId, commandId: envelope.commandId, revision: revisionOf(events) };
  }
}
