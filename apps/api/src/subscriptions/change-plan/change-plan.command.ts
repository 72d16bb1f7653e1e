import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { ChargeAnswer } from '../command-answer';
import { ChangePlanDto } from './change-plan.dto';

export class ChangePlanCommand extends Command<ChargeAnswer> {
  constructor(
    readonly subscriptionId: string,
    readonly input: ChangePlanDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
