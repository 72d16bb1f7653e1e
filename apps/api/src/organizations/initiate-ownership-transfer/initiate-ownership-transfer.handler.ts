import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { derivedId, initiateOwnershipTransfer, LedgerContext } from '@channel-ledger/application';
import { organizationCommandResult } from '../organization-command-result';
import { InitiateOwnershipTransferCommand, OwnershipTransferInitiation } from './initiate-ownership-transfer.command';

@CommandHandler(InitiateOwnershipTransferCommand)
export class InitiateOwnershipTransferHandler implements ICommandHandler<InitiateOwnershipTransferCommand, OwnershipTransferInitiation> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ organizationId, input, envelope }: InitiateOwnershipTransferCommand): Promise<OwnershipTransferInitiation> {
    const transferId = derivedId(`ownership-transfer|${envelope.commandId}`);
    const outcome = await initiateOwnershipTransfer(this.ctx, envelope, { organizationId, transferId, toEmail: input.toEmail });
    return { ...(await organizationCommandResult(this.ctx, organizationId, envelope, outcome)), transferId };
  }
}
