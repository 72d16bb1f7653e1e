import type { Describer } from '../context';

export const describeCustomerOrganizationCreated: Describer<'CustomerOrganizationCreated'> = (d) =>
  `${d.managingReseller.companyName} created customer organization ${d.name}${d.isPublic ? ' (public)' : ''}, ` +
  `contact ${d.customerContact.email}`;
