import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LedgerContext, unassignSeat } from '@channel-ledger/application';
import { SeatAssignmentAnswer } from '../assign-seat/assign-seat.command';
import { revisionOf } from '../command-answer';
import { UnassignSeatCommand } from './unassign-seat.command';

@CommandHandler(UnassignSeatCommand)
export class UnassignSeatHandler implements ICommandHandler<UnassignSeatCommand, SeatAssignmentAnswer> {
  constructor(private readonly ledger: LedgerContext) {}

  async execute({ subscriptionId, email, envelope }: UnassignSeatCommand): Promise<SeatAssignmentAnswer> {
    const outcome = await unassignSeat(this.ledger, envelope, { subscriptionId, email });
    return { subscriptionId, email, commandId: envelope.commandId, revision: revisionOf(outcome.events) };
  }
}
