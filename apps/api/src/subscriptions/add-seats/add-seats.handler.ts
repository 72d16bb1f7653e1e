import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { addSeats, derivedId, LedgerContext } from '@channel-ledger/application';
import { ChargeAnswer, revisionOf } from '../command-answer';
import { AddSeatsCommand } from './add-seats.command';

@CommandHandler(AddSeatsCommand)
export class AddSeatsHandler implements ICommandHandler<AddSeatsCommand, ChargeAnswer> {
  constructor(private readonly ledger: LedgerContext) {}

  async execute({ subscriptionId, input, envelope }: AddSeatsCommand): Promise<ChargeAnswer> {
    const invoiceId = derivedId(`invoice|${envelope.commandId}`);
    const outcome = await addSeats(this.ledger, envelope, { subscriptionId, invoiceId, ...input });
    return { subscriptionId, invoiceId, commandId: envelope.commandId, revision: revisionOf(outcome.events) };
  }
}
