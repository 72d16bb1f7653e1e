import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { OrganizationCommandResult } from '../organization-command-result';

export class AcceptAdministratorInvitationCommand extends Command<OrganizationCommandResult> {
  constructor(
    readonly organizationId: string,
    readonly invitationId: string,
    /** The address the invitee signed in with: the only proof that it received the invitation. */
    readonly byEmail: string,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
