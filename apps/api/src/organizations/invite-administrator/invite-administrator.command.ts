import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { OrganizationCommandResult } from '../organization-command-result';
import { InviteAdministratorDto } from './invite-administrator.dto';

export type AdministratorInvitation = OrganizationCommandResult & { invitationId: string };

export class InviteAdministratorCommand extends Command<AdministratorInvitation> {
  constructor(
    readonly organizationId: string,
    readonly input: InviteAdministratorDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
