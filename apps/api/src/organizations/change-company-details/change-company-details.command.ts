import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { OrganizationCommandResult } from '../organization-command-result';
import { ChangeCompanyDetailsDto } from './change-company-details.dto';

export class ChangeCompanyDetailsCommand extends Command<OrganizationCommandResult> {
  constructor(
    readonly organizationId: string,
    readonly input: ChangeCompanyDetailsDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
