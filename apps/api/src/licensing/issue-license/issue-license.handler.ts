import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { derivedId, issueLicense, LedgerContext } from '@channel-ledger/application';
import { LicenseIssued } from '@channel-ledger/domain';
import { licenseCommandResult } from '../license-command-result';
import { IssuedLicenseResult, IssueLicenseCommand } from './issue-license.command';

@CommandHandler(IssueLicenseCommand)
export class IssueLicenseHandler implements ICommandHandler<IssueLicenseCommand, IssuedLicenseResult> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ input, envelope }: IssueLicenseCommand): Promise<IssuedLicenseResult> {
    // Derived from the command id: a retry with the same Idempotency-Key completes the same license.
    const licenseId = derivedId(`license|${envelope.commandId}`);
    const outcome = await issueLicense(this.ctx, envelope, {
      licenseId,
      rightId: input.rightId,
      organizationId: input.organizationId ?? null,
    });
    const issued = outcome.domainEvents.find((e): e is LicenseIssued => e.type === 'LicenseIssued');
    const license = issued?.data ?? (await this.recorded(licenseId));
    return {
      ...(await licenseCommandResult(this.ctx, licenseId, envelope, outcome)),
      rightId: license.rightId,
      organizationId: license.organizationId,
      nfr: license.nfr,
      licenseTemplateId: license.licenseTemplateId,
      vendorId: license.vendorId,
    };
  }

  /** A repeated request appended nothing: answer with what the first one recorded. */
  private async recorded(licenseId: string) {
    const state = await this.ctx.license(licenseId);
    if (state.status === 'none') throw new Error(`license ${licenseId} was not recorded`);
    return state;
  }
}
