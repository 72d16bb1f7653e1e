import type { Describer } from '../context';

export const describeLicenseIssued: Describer<'LicenseIssued'> = (d, context) =>
  `${context.resellerName(d.resellerId)} issued ${d.nfr ? 'NFR ' : ''}license ${d.licenseId} (template ${d.licenseTemplateId})` +
  ` for ${context.organization?.name ?? d.organizationId ?? 'no customer'}`;
