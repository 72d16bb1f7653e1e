import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';

export interface ResellerVerification {
  resellerId: string;
  status: 'verified';
}

export class VerifyResellerEmailCommand extends Command<ResellerVerification> {
  constructor(
    readonly resellerId: string,
    readonly token: string,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
