import type { LicenseEvent } from '@channel-ledger/domain';
import type { JsonObject, WriteOperation } from '@channel-ledger/read-store';
import type { ProjectionView } from '../engine/projection';
import { CUSTOMER_LINKS, CUSTOMER_ORGANIZATIONS, licenseLinkId } from './collections';
import type { CustomerLicense, CustomerLink, CustomerOrganization } from './documents';

/**
 * License events → the organization's `licenses` (what it may download). Unlinked licenses
 * (rule 14) belong to no organization and are not shown; nor is the issuing right or reseller.
 */
export async function applyLicenseEvent(event: LicenseEvent, view: ProjectionView): Promise<WriteOperation[]> {
  if (event.type === 'LicenseIssued') {
    const d = event.data;
    if (d.organizationId === null) return [];
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
    const updated = await updateLicenses(view, d.organizationId, (licenses) => [
      ...licenses.filter((l) => l.licenseId !== d.licenseId),
      license,
    ]);
    const link: CustomerLink = { id: licenseLinkId(d.licenseId), organizationId: d.organizationId };
    return updated.length ? [{ type: 'put', collection: CUSTOMER_LINKS, document: link }, ...updated] : [];
  }

  const link = (await view.get(CUSTOMER_LINKS, licenseLinkId(event.data.licenseId))) as CustomerLink | null;
  if (!link) return [];
  const change = (fields: (l: CustomerLicense) => Partial<CustomerLicense>) =>
    updateLicenses(view, link.organizationId, (licenses) =>
      licenses.map((l) => (l.licenseId === event.data.licenseId ? { ...l, ...fields(l) } : l)),
    );
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

async function updateLicenses(
  view: ProjectionView,
  organizationId: string,
  next: (licenses: CustomerLicense[]) => CustomerLicense[],
): Promise<WriteOperation[]> {
  const organization = (await view.get(CUSTOMER_ORGANIZATIONS, organizationId)) as CustomerOrganization | null;
  if (!organization) return [];
  const fields: Partial<CustomerOrganization> = { licenses: next(organization.licenses) };
  return [{ type: 'patch', collection: CUSTOMER_ORGANIZATIONS, id: organizationId, fields: fields as JsonObject }];
}
