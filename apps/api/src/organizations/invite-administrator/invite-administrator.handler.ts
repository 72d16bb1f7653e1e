import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { derivedId, inviteAdministrator, LedgerContext } from '@channel-ledger/application';
import { organizationCommandResult } from '../organization-command-result';
import { AdministratorInvitation, InviteAdministratorCommand } from './invite-administrator.command';

@CommandHandler(InviteAdministratorCommand)
export class InviteAdministratorHandler implements ICommandHandler<InviteAdministratorCommand, AdministratorInvitation> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ organizationId, input, envelope }: InviteAdministratorCommand): Promise<AdministratorInvitation> {
    const invitationId = derivedId(`administrator-invitation|${envelope.commandId}`);
    const outcome = await inviteAdministrator(this.ctx, envelope, { organizationId, invitationId, email: input.email });
    return { ...(await organizationCommandResult(this.ctx, organizationId, envelope, outcome)), invitationId };
  }
}
