import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { SubscriptionCommandAnswer } from '../command-answer';

export interface SeatAssignmentAnswer extends SubscriptionCommandAnswer {
  email: string;
}

export class AssignSeatCommand extends Command<SeatAssignmentAnswer> {
  constructor(
    readonly subscriptionId: string,
    readonly email: string,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
