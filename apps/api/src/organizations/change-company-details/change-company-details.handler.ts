import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { changeCompanyDetails, LedgerContext } from '@channel-ledger/application';
import { OrganizationCommandResult, organizationCommandResult } from '../organization-command-result';
import { companyDetailsOf } from '../organization.dto';
import { ChangeCompanyDetailsCommand } from './change-company-details.command';

@CommandHandler(ChangeCompanyDetailsCommand)
export class ChangeCompanyDetailsHandler implements ICommandHandler<ChangeCompanyDetailsCommand, OrganizationCommandResult> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ organizationId, input, envelope }: ChangeCompanyDetailsCommand): Promise<OrganizationCommandResult> {
    const outcome = await changeCompanyDetails(this.ctx, envelope, {
      organizationId,
      name: input.name,
      companyDetails: companyDetailsOf(input.companyDetails),
    });
    return organizationCommandResult(this.ctx, organizationId, envelope, outcome);
  }
}
