import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { ChargeAnswer } from '../command-answer';
import { PurchaseSubscriptionDto } from './purchase-subscription.dto';

export interface PurchaseAnswer extends ChargeAnswer {
  /** The ownership offer this purchase started (rule 2); null when the customer already owns the organization or an offer is open. */
  transferId: string | null;
}

export class PurchaseSubscriptionCommand extends Command<PurchaseAnswer> {
  constructor(
    readonly input: PurchaseSubscriptionDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
