import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { cancelOwnershipTransfer, LedgerContext } from '@channel-ledger/application';
import { OrganizationCommandResult, organizationCommandResult } from '../organization-command-result';
import { CancelOwnershipTransferCommand } from './cancel-ownership-transfer.command';

@CommandHandler(CancelOwnershipTransferCommand)
export class CancelOwnershipTransferHandler implements ICommandHandler<CancelOwnershipTransferCommand, OrganizationCommandResult> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ organizationId, transferId, envelope }: CancelOwnershipTransferCommand): Promise<OrganizationCommandResult> {
    const outcome = await cancelOwnershipTransfer(this.ctx, envelope, { organizationId, transferId });
    return organizationCommandResult(this.ctx, organizationId, envelope, outcome);
  }
}
