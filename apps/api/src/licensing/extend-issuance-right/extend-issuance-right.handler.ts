import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { extendIssuanceRight, LedgerContext } from '@channel-ledger/application';
import { IssuanceRightCommandResult, issuanceRightCommandResult } from '../issuance-right-command-result';
import { ExtendIssuanceRightCommand } from './extend-issuance-right.command';

@CommandHandler(ExtendIssuanceRightCommand)
export class ExtendIssuanceRightHandler implements ICommandHandler<ExtendIssuanceRightCommand, IssuanceRightCommandResult> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ vendorId, rightId, input, envelope }: ExtendIssuanceRightCommand): Promise<IssuanceRightCommandResult> {
    const outcome = await extendIssuanceRight(this.ctx, envelope, { vendorId, rightId, ...input });
    return issuanceRightCommandResult(this.ctx, rightId, envelope, outcome);
  }
}
