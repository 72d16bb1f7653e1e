import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { OrganizationCommandResult } from '../organization-command-result';
import { ChangeOrganizationSettingsDto } from './change-organization-settings.dto';

export class ChangeOrganizationSettingsCommand extends Command<OrganizationCommandResult> {
  constructor(
    readonly organizationId: string,
    readonly input: ChangeOrganizationSettingsDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
