import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { PaymentMethodAnswer } from '../add-payment-method/add-payment-method.command';

export class SetDefaultPaymentMethodCommand extends Command<PaymentMethodAnswer> {
  constructor(
    readonly resellerId: string,
    readonly paymentMethodId: string,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
