import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { ChargeAnswer } from '../command-answer';
import { AddSeatsDto } from './add-seats.dto';

export class AddSeatsCommand extends Command<ChargeAnswer> {
  constructor(
    readonly subscriptionId: string,
    readonly input: AddSeatsDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
