import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { IssuanceRightCommandResult } from '../issuance-right-command-result';
import { GrantIssuanceRightDto } from './grant-issuance-right.dto';

export class GrantIssuanceRightCommand extends Command<IssuanceRightCommandResult> {
  constructor(
    readonly vendorId: string,
    readonly input: GrantIssuanceRightDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
