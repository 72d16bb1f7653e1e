import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { deliverLicense, LedgerContext, ResellerDirectory } from '@channel-ledger/application';
import { LicenseCommandResult, licenseCommandResult } from '../license-command-result';
import { RESELLER_DIRECTORY } from '../reseller-directory';
import { DeliverLicenseCommand } from './deliver-license.command';

@CommandHandler(DeliverLicenseCommand)
export class DeliverLicenseHandler implements ICommandHandler<DeliverLicenseCommand, LicenseCommandResult> {
  constructor(
    private readonly ctx: LedgerContext,
    @Inject(RESELLER_DIRECTORY) private readonly resellers: ResellerDirectory,
  ) {}

  async execute({ licenseId, recipientEmail, envelope }: DeliverLicenseCommand): Promise<LicenseCommandResult> {
    const outcome = await deliverLicense(this.ctx, this.resellers, envelope, { licenseId, recipientEmail });
    return licenseCommandResult(this.ctx, licenseId, envelope, outcome);
  }
}
