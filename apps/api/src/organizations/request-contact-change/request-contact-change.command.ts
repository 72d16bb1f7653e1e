import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { OrganizationCommandResult } from '../organization-command-result';
import { RequestContactChangeDto } from './request-contact-change.dto';

export type ContactChangeRequestReceipt = OrganizationCommandResult & { requestId: string };

export class RequestContactChangeCommand extends Command<ContactChangeRequestReceipt> {
  constructor(
    readonly organizationId: string,
    readonly input: RequestContactChangeDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
