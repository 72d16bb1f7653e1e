import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { changeOrganizationSettings, LedgerContext } from '@channel-ledger/application';
import { OrganizationCommandResult, organizationCommandResult } from '../organization-command-result';
import { ChangeOrganizationSettingsCommand } from './change-organization-settings.command';

@CommandHandler(ChangeOrganizationSettingsCommand)
export class ChangeOrganizationSettingsHandler implements ICommandHandler<ChangeOrganizationSettingsCommand, OrganizationCommandResult> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ organizationId, input, envelope }: ChangeOrganizationSettingsCommand): Promise<OrganizationCommandResult> {
    const { isPublic, customerAssociationEnabled } = input;
    const outcome = await changeOrganizationSettings(this.ctx, envelope, { organizationId, isPublic, customerAssociationEnabled });
    return organizationCommandResult(this.ctx, organizationId, envelope, outcome);
  }
}
