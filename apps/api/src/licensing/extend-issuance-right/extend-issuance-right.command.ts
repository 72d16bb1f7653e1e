import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { IssuanceRightCommandResult } from '../issuance-right-command-result';
import { ExtendIssuanceRightDto } from './extend-issuance-right.dto';

export class ExtendIssuanceRightCommand extends Command<IssuanceRightCommandResult> {
  constructor(
    readonly vendorId: string,
    readonly rightId: string,
    readonly input: ExtendIssuanceRightDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
