import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LedgerContext, setAutoRenewal } from '@channel-ledger/application';
import { revisionOf } from '../command-answer';
import { AutoRenewalAnswer, SetAutoRenewalCommand } from './set-auto-renewal.command';

@CommandHandler(SetAutoRenewalCommand)
export class SetAutoRenewalHandler implements ICommandHandler<SetAutoRenewalCommand, AutoRenewalAnswer> {
  constructor(private readonly ledger: LedgerContext) {}

  async execute({ subscriptionId, enabled, envelope }: SetAutoRenewalCommand): Promise<AutoRenewalAnswer> {
    const outcome = await setAutoRenewal(this.ledger, envelope, { subscriptionId, enabled });
    const s = outcome.state;
    const nextChargeDate = s.status === 'active' && s.autoRenewal === true ? s.periods[s.periods.length - 1].periodEnd : null;
    return {
      subscriptionId,
      autoRenewal: s.status !== 'none' && s.autoRenewal === true,
      nextChargeDate,
      commandId: envelope.commandId,
      revision: revisionOf(outcome.events),
    };
  }
}
