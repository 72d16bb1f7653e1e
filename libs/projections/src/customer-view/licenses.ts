import type { LicenseEvent, LicenseIssued } from '@channel-ledger/domain';
import type { DocumentEvolution, EventWrites, Recorded } from '../engine/document-projection';
import { CUSTOMER_LINKS, CUSTOMER_ORGANIZATIONS, licenseLinkId } from './collections';
import type { CustomerLicense, CustomerLink, CustomerOrganization } from './documents';

/**
 * License events → the organization's `licenses` (what it may download). Unlinked licenses
 * (rule 14) belong to no organization and are not shown; nor is the issuing right or reseller.
 */
export const organizationLicenses: DocumentEvolution<CustomerOrganization, LicenseEvent> = {
  collection: CUSTOMER_ORGANIZATIONS,
  handles: ['LicenseIssued', 'LicenseDelivered', 'LicenseRevoked'],
  async keyOf(event, view) {
    if (event.type === 'LicenseIssued') return event.data.organizationId;
    const link = (await view.get(CUSTOMER_LINKS, licenseLinkId(event.data.licenseId))) as CustomerLink | null;
    return link?.organizationId ?? null;
  },
  evolve(organization, event) {
    return organization && { ...organization, licenses: nextLicenses(organization.licenses, event) };
  },
};

/** `customer_links`: a license's later events find their organization (one this view knows). */
export const licenseLinks: EventWrites<LicenseIssued> = {
  handles: ['LicenseIssued'],
  async writes(event, view) {
    const { licenseId, organizationId } = event.data;
    if (organizationId === null || !(await view.get(CUSTOMER_ORGANIZATIONS, organizationId))) return [];
    const link: CustomerLink = { id: licenseLinkId(licenseId), organizationId };
    return [{ type: 'put', collection: CUSTOMER_LINKS, document: link }];
  },
};

function nextLicenses(licenses: CustomerLicense[], event: Recorded<LicenseEvent>): CustomerLicense[] {
  if (event.type === 'LicenseIssued') {
    const d = event.data;
    const license: CustomerLicense = {
      licenseId: d.licenseId,
      licenseTemplateId: d.licenseTemplateId,
      nfr: d.nfr,
      status: 'issued',
      available: true,
      issuedAt: d.issuedAt,
      deliveredTo: null,
      deliveredAt: null,
    };
    return [...licenses.filter((l) => l.licenseId !== d.licenseId), license];
  }
  const change = (fields: (l: CustomerLicense) => Partial<CustomerLicense>) =>
    licenses.map((l) => (l.licenseId === event.data.licenseId ? { ...l, ...fields(l) } : l));
  switch (event.type) {
    case 'LicenseDelivered':
      return change((l) => ({
        status: l.status === 'revoked' ? 'revoked' : 'delivered',
        deliveredTo: event.data.toEmail,
        deliveredAt: event.data.deliveredAt,
      }));
    case 'LicenseRevoked':
      return change(() => ({ status: 'revoked', available: false }));
  }
}
