import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { changePlan, derivedId, LedgerContext } from '@channel-ledger/application';
import { ChargeAnswer, revisionOf } from '../command-answer';
import { ChangePlanCommand } from './change-plan.command';

@CommandHandler(ChangePlanCommand)
export class ChangePlanHandler implements ICommandHandler<ChangePlanCommand, ChargeAnswer> {
  constructor(private readonly ledger: LedgerContext) {}

  async execute({ subscriptionId, input, envelope }: ChangePlanCommand): Promise<ChargeAnswer> {
    const invoiceId = derivedId(`invoice|${envelope.commandId}`);
    const outcome = await changePlan(this.ledger, envelope, { subscriptionId, invoiceId, ...input });
    return { subscriptionId, invoiceId, commandId: envelope.commandId, revision: revisionOf(outcome.events) };
  }
}
