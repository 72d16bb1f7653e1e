import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { SubscriptionCommandAnswer } from '../command-answer';
import { CancelSubscriptionDto } from './cancel-subscription.dto';

export interface CancellationAnswer extends SubscriptionCommandAnswer {
  /** The end of the paid time: the seats stay usable until then, nothing is refunded. */
  effectiveAt: string;
}

export class CancelSubscriptionCommand extends Command<CancellationAnswer> {
  constructor(
    readonly subscriptionId: string,
    readonly input: CancelSubscriptionDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
