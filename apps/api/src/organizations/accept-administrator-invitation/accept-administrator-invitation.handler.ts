import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { acceptAdministratorInvitation, LedgerContext } from '@channel-ledger/application';
import { OrganizationCommandResult, organizationCommandResult } from '../organization-command-result';
import { AcceptAdministratorInvitationCommand } from './accept-administrator-invitation.command';

@CommandHandler(AcceptAdministratorInvitationCommand)
export class AcceptAdministratorInvitationHandler implements ICommandHandler<
  AcceptAdministratorInvitationCommand,
  OrganizationCommandResult
> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({
    organizationId,
    invitationId,
    byEmail,
    envelope,
  }: AcceptAdministratorInvitationCommand): Promise<OrganizationCommandResult> {
    const outcome = await acceptAdministratorInvitation(this.ctx, envelope, { organizationId, invitationId, byEmail });
    return organizationCommandResult(this.ctx, organizationId, envelope, outcome);
  }
}
