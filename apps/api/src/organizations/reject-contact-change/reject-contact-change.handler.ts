import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LedgerContext, rejectContactChange } from '@channel-ledger/application';
import { OrganizationCommandResult, organizationCommandResult } from '../organization-command-result';
import { RejectContactChangeCommand } from './reject-contact-change.command';

@CommandHandler(RejectContactChangeCommand)
export class RejectContactChangeHandler implements ICommandHandler<RejectContactChangeCommand, OrganizationCommandResult> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ organizationId, requestId, input, envelope }: RejectContactChangeCommand): Promise<OrganizationCommandResult> {
    const outcome = await rejectContactChange(this.ctx, envelope, { organizationId, requestId, reason: input.reason });
    return organizationCommandResult(this.ctx, organizationId, envelope, outcome);
  }
}
