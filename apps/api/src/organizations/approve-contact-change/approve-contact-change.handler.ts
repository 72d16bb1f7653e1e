import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { approveContactChange, LedgerContext } from '@channel-ledger/application';
import { OrganizationCommandResult, organizationCommandResult } from '../organization-command-result';
import { ApproveContactChangeCommand } from './approve-contact-change.command';

@CommandHandler(ApproveContactChangeCommand)
export class ApproveContactChangeHandler implements ICommandHandler<ApproveContactChangeCommand, OrganizationCommandResult> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ organizationId, requestId, envelope }: ApproveContactChangeCommand): Promise<OrganizationCommandResult> {
    const outcome = await approveContactChange(this.ctx, envelope, { organizationId, requestId });
    return organizationCommandResult(this.ctx, organizationId, envelope, outcome);
  }
}
