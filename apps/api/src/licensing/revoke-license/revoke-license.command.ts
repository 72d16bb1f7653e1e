import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { LicenseCommandResult } from '../license-command-result';

export class RevokeLicenseCommand extends Command<LicenseCommandResult> {
  constructor(
    readonly licenseId: string,
    readonly reason: string,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
