import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { changeContact, LedgerContext } from '@channel-ledger/application';
import { OrganizationCommandResult, organizationCommandResult } from '../organization-command-result';
import { ChangeContactCommand } from './change-contact.command';

@CommandHandler(ChangeContactCommand)
export class ChangeContactHandler implements ICommandHandler<ChangeContactCommand, OrganizationCommandResult> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ organizationId, role, input, envelope }: ChangeContactCommand): Promise<OrganizationCommandResult> {
    const contact = { name: input.name ?? null, email: input.email };
    const outcome = await changeContact(this.ctx, envelope, { organizationId, role, contact });
    return organizationCommandResult(this.ctx, organizationId, envelope, outcome);
  }
}
