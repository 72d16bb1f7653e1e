import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { AddPaymentMethodDto } from './add-payment-method.dto';

export class AddPaymentMethodCommand extends Command<{ paymentMethodId: string }> {
  constructor(
    readonly resellerId: string,
    readonly input: AddPaymentMethodDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
