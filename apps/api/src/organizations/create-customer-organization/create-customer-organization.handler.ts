import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { createCustomerOrganization, derivedId, LedgerContext } from '@channel-ledger/application';
import { OrganizationCommandResult, organizationCommandResult } from '../organization-command-result';
import { companyDetailsOf } from '../organization.dto';
import { CreateCustomerOrganizationCommand } from './create-customer-organization.command';

@CommandHandler(CreateCustomerOrganizationCommand)
export class CreateCustomerOrganizationHandler implements ICommandHandler<CreateCustomerOrganizationCommand, OrganizationCommandResult> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ input, envelope }: CreateCustomerOrganizationCommand): Promise<OrganizationCommandResult> {
    // Derived from the command id: a retry with the same Idempotency-Key lands on the same stream.
    const organizationId = derivedId(`organization|${envelope.commandId}`);
    const outcome = await createCustomerOrganization(this.ctx, envelope, {
      ...input,
      companyDetails: companyDetailsOf(input.companyDetails),
      organizationId,
    });
    return organizationCommandResult(this.ctx, organizationId, envelope, outcome);
  }
}
