import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LedgerContext, readableLicense } from '@channel-ledger/application';
import { GetLicenseQuery, LicenseView } from './get-license.query';

@QueryHandler(GetLicenseQuery)
export class GetLicenseHandler implements IQueryHandler<GetLicenseQuery, LicenseView> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ licenseId, viewer }: GetLicenseQuery): Promise<LicenseView> {
    const license = await readableLicense(this.ctx, viewer, licenseId);
    const revoked = license.status === 'revoked';
    return {
      licenseId: license.licenseId,
      vendorId: license.vendorId,
      licenseTemplateId: license.licenseTemplateId,
      organizationId: license.organizationId,
      nfr: license.nfr,
      issuedAt: license.issuedAt,
      status: license.status,
      revokedAt: revoked ? license.revokedAt : null,
      file: revoked ? null : `/licenses/${license.licenseId}/file`,
    };
  }
}
