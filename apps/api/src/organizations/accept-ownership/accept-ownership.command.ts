import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { OrganizationCommandResult } from '../organization-command-result';

export class AcceptOwnershipCommand extends Command<OrganizationCommandResult> {
  constructor(
    readonly organizationId: string,
    readonly transferId: string,
    /** The address the customer signed in with: the only proof that it received the offer. */
    readonly byEmail: string,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
