import { Query } from '@nestjs/cqrs';
import { Actor } from '@channel-ledger/domain';

export interface LicenseView {
  licenseId: string;
  vendorId: string;
  licenseTemplateId: string;
  organizationId: string | null;
  nfr: boolean;
  issuedAt: string;
  status: 'issued' | 'revoked';
  revokedAt: string | null;
  /** Where to fetch the signed license file while it is not revoked. */
  file: string | null;
}

export class GetLicenseQuery extends Query<LicenseView> {
  constructor(
    readonly licenseId: string,
    readonly viewer: Actor,
  ) {
    super();
  }
}
