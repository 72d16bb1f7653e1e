import type { Describer } from '../context';

export const describeLicenseDelivered: Describer<'LicenseDelivered'> = (d) => `License ${d.licenseId} delivered to ${d.toEmail}`;
