import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { OrganizationCommandResult } from '../organization-command-result';
import { RejectContactChangeDto } from './reject-contact-change.dto';

export class RejectContactChangeCommand extends Command<OrganizationCommandResult> {
  constructor(
    readonly organizationId: string,
    readonly requestId: string,
    readonly input: RejectContactChangeDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
