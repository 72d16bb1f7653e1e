import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { OrganizationCommandResult } from '../organization-command-result';
import { CreateCustomerOrganizationDto } from './create-customer-organization.dto';

export class CreateCustomerOrganizationCommand extends Command<OrganizationCommandResult> {
  constructor(
    readonly input: CreateCustomerOrganizationDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
