import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { ChargeAnswer } from '../command-answer';
import { RecordDirectPurchaseDto } from './record-direct-purchase.dto';

export interface DirectPurchaseAnswer extends ChargeAnswer {
  /** The reseller subscription it follows; it is not renewed by this and runs out on its own date. */
  previousSubscriptionId: string;
}

export class RecordDirectPurchaseCommand extends Command<DirectPurchaseAnswer> {
  constructor(
    readonly previousSubscriptionId: string,
    readonly input: RecordDirectPurchaseDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
