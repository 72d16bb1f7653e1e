import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { OrganizationCommandResult } from '../organization-command-result';

export class ApproveContactChangeCommand extends Command<OrganizationCommandResult> {
  constructor(
    readonly organizationId: string,
    readonly requestId: string,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
