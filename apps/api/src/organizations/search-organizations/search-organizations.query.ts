import { Query } from '@nestjs/cqrs';
import { CustomerOrganization, OrganizationSearch, Page, PageOptions } from '@channel-ledger/projections';

export class SearchOrganizationsQuery extends Query<Page<CustomerOrganization>> {
  constructor(
    readonly search: OrganizationSearch,
    readonly page: PageOptions,
  ) {
    super();
  }
}
