import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { SubscriptionCommandAnswer } from '../command-answer';

export interface AutoRenewalAnswer extends SubscriptionCommandAnswer {
  autoRenewal: boolean;
  /** When the renewal is charged (the end of the paid time) while auto-renewal is on; null when off. */
  nextChargeDate: string | null;
}

export class SetAutoRenewalCommand extends Command<AutoRenewalAnswer> {
  constructor(
    readonly subscriptionId: string,
    readonly enabled: boolean,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
