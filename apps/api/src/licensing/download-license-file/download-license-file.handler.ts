import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LedgerContext, LicenseFile, licenseFileFor, Secrets } from '@channel-ledger/application';
import { DownloadLicenseFileQuery } from './download-license-file.query';

@QueryHandler(DownloadLicenseFileQuery)
export class DownloadLicenseFileHandler implements IQueryHandler<DownloadLicenseFileQuery, LicenseFile> {
  constructor(
    private readonly ctx: LedgerContext,
    private readonly secrets: Secrets,
  ) {}

  execute({ licenseId, viewer }: DownloadLicenseFileQuery): Promise<LicenseFile> {
    return licenseFileFor(this.ctx, this.secrets, viewer, licenseId);
  }
}
