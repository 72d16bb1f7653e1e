import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { ChargeAnswer } from '../command-answer';
import { RenewSubscriptionDto } from './renew-subscription.dto';

export class RenewSubscriptionCommand extends Command<ChargeAnswer> {
  constructor(
    readonly subscriptionId: string,
    readonly input: RenewSubscriptionDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
