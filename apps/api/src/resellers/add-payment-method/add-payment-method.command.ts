import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { AddPaymentMethodDto } from './add-payment-method.dto';

/** What every payment-method command answers; revision is the reseller stream's, null when nothing was recorded. */
export interface PaymentMethodAnswer {
  resellerId: string;
  paymentMethodId: string;
  commandId: string;
  revision: string | null;
}

export class AddPaymentMethodCommand extends Command<PaymentMethodAnswer> {
  constructor(
    readonly resellerId: string,
    readonly input: AddPaymentMethodDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
