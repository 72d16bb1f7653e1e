import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { LicenseCommandResult } from '../license-command-result';
import { IssueLicenseDto } from './issue-license.dto';

export interface IssuedLicenseResult extends LicenseCommandResult {
  rightId: string;
  organizationId: string | null;
  /** Not-For-Resale, from the right (rule 14). */
  nfr: boolean;
  licenseTemplateId: string;
  vendorId: string;
}

export class IssueLicenseCommand extends Command<IssuedLicenseResult> {
  constructor(
    readonly input: IssueLicenseDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
