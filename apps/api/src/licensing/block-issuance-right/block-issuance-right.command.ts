import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { IssuanceRightCommandResult } from '../issuance-right-command-result';

export class BlockIssuanceRightCommand extends Command<IssuanceRightCommandResult> {
  constructor(
    readonly vendorId: string,
    readonly rightId: string,
    readonly reason: string,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
