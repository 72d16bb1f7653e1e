import type { Describer } from '../context';
import { actorLabel } from '../format';

export const describeLicenseRevoked: Describer<'LicenseRevoked'> = (d, context) =>
  `License ${d.licenseId} revoked by ${actorLabel(d.revokedBy, context)}: ${d.reason}`;
