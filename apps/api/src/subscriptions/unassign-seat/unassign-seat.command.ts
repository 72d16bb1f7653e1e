import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { SeatAssignmentAnswer } from '../assign-seat/assign-seat.command';

export class UnassignSeatCommand extends Command<SeatAssignmentAnswer> {
  constructor(
    readonly subscriptionId: string,
    readonly email: string,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
