import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { blockIssuanceRight, LedgerContext } from '@channel-ledger/application';
import { IssuanceRightCommandResult, issuanceRightCommandResult } from '../issuance-right-command-result';
import { BlockIssuanceRightCommand } from './block-issuance-right.command';

@CommandHandler(BlockIssuanceRightCommand)
export class BlockIssuanceRightHandler implements ICommandHandler<BlockIssuanceRightCommand, IssuanceRightCommandResult> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ vendorId, rightId, reason, envelope }: BlockIssuanceRightCommand): Promise<IssuanceRightCommandResult> {
    const outcome = await blockIssuanceRight(this.ctx, envelope, { vendorId, rightId, reason });
    return issuanceRightCommandResult(this.ctx, rightId, envelope, outcome);
  }
}
