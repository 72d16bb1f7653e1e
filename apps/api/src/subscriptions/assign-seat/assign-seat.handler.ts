import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assignSeat, LedgerContext } from '@channel-ledger/application';
import { revisionOf } from '../command-answer';
import { AssignSeatCommand, SeatAssignmentAnswer } from './assign-seat.command';

@CommandHandler(AssignSeatCommand)
export class AssignSeatHandler implements ICommandHandler<AssignSeatCommand, SeatAssignmentAnswer> {
  constructor(private readonly ledger: LedgerContext) {}

  async execute({ subscriptionId, email, envelope }: AssignSeatCommand): Promise<SeatAssignmentAnswer> {
    const outcome = await assignSeat(this.ledger, envelope, { subscriptionId, email });
    return { subscriptionId, email, commandId: envelope.commandId, revision: revisionOf(outcome.events) };
  }
}
