import { CustomerLicense, CustomerOrganization, openTransferAt } from '@channel-ledger/projections';

/** A license as its organization reads it, with where to download it while it is available. */
export type CustomerLicenseItem = CustomerLicense & { fileUrl: string | null };

export type CustomerOrganizationView = Omit<CustomerOrganization, 'licenses'> & { licenses: CustomerLicenseItem[] };

/**
 * The customer's read-only view at `now`: an ownership offer that lapsed is no longer shown
 * (rule 3), and each license says where its file is (GET /licenses/:licenseId/file) while it is
 * available (issued or delivered, not revoked).
 */
export function organizationView(document: CustomerOrganization, now: string): CustomerOrganizationView {
  return {
    ...document,
    pendingTransfer: openTransferAt(document, now),
    licenses: document.licenses.map((license) => ({
      ...license,
      fileUrl: license.available ? `/licenses/${encodeURIComponent(license.licenseId)}/file` : null,
    })),
  };
}
