import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { OrganizationCommandResult } from '../organization-command-result';

export class CancelOwnershipTransferCommand extends Command<OrganizationCommandResult> {
  constructor(
    readonly organizationId: string,
    readonly transferId: string,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
