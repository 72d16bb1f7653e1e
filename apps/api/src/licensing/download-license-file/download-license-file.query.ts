import { Query } from '@nestjs/cqrs';
import { LicenseFile } from '@channel-ledger/application';
import { Actor } from '@channel-ledger/domain';

export class DownloadLicenseFileQuery extends Query<LicenseFile> {
  constructor(
    readonly licenseId: string,
    readonly viewer: Actor,
  ) {
    super();
  }
}
