import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { acceptOwnership, LedgerContext } from '@channel-ledger/application';
import { OrganizationCommandResult, organizationCommandResult } from '../organization-command-result';
import { AcceptOwnershipCommand } from './accept-ownership.command';

@CommandHandler(AcceptOwnershipCommand)
export class AcceptOwnershipHandler implements ICommandHandler<AcceptOwnershipCommand, OrganizationCommandResult> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ organizationId, transferId, byEmail, envelope }: AcceptOwnershipCommand): Promise<OrganizationCommandResult> {
    const outcome = await acceptOwnership(this.ctx, envelope, { organizationId, transferId, byEmail });
    return organizationCommandResult(this.ctx, organizationId, envelope, outcome);
  }
}
