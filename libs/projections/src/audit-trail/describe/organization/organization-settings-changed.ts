import type { Describer } from '../context';

export const describeOrganizationSettingsChanged: Describer<'OrganizationSettingsChanged'> = (d) =>
  `Settings changed: ${d.isPublic ? "public (visible to the vendor's other resellers)" : 'not public'}, ` +
  `customer association ${d.customerAssociationEnabled ? 'enabled' : 'disabled'}`;
