import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { ContactRole } from '@channel-ledger/domain';
import { OrganizationCommandResult } from '../organization-command-result';
import { ChangeContactDto } from './change-contact.dto';

export class ChangeContactCommand extends Command<OrganizationCommandResult> {
  constructor(
    readonly organizationId: string,
    readonly role: ContactRole,
    readonly input: ChangeContactDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
