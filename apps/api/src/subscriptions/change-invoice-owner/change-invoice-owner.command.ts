import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { SubscriptionCommandAnswer } from '../command-answer';
import { ChangeInvoiceOwnerDto } from './change-invoice-owner.dto';

export class ChangeInvoiceOwnerCommand extends Command<SubscriptionCommandAnswer> {
  constructor(
    readonly subscriptionId: string,
    readonly input: ChangeInvoiceOwnerDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
