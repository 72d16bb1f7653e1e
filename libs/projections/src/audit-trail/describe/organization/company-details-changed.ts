import type { Describer } from '../context';

export const describeCompanyDetailsChanged: Describer<'CompanyDetailsChanged'> = (d, context) => {
  const previous = context.organization?.name;
  return previous && previous !== d.name
    ? `Company renamed from ${previous} to ${d.name}, details updated`
    : `Company details of ${d.name} updated`;
};
