import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LedgerContext, revokeLicense } from '@channel-ledger/application';
import { LicenseCommandResult, licenseCommandResult } from '../license-command-result';
import { RevokeLicenseCommand } from './revoke-license.command';

@CommandHandler(RevokeLicenseCommand)
export class RevokeLicenseHandler implements ICommandHandler<RevokeLicenseCommand, LicenseCommandResult> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ licenseId, reason, envelope }: RevokeLicenseCommand): Promise<LicenseCommandResult> {
    const outcome = await revokeLicense(this.ctx, envelope, { licenseId, reason });
    return licenseCommandResult(this.ctx, licenseId, envelope, outcome);
  }
}
