import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { LicenseCommandResult } from '../license-command-result';

export class DeliverLicenseCommand extends Command<LicenseCommandResult> {
  constructor(
    readonly licenseId: string,
    readonly recipientEmail: string,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
