import { Query } from '@nestjs/cqrs';
import { Page } from '@channel-ledger/projections';
import { Principal } from '../../../access/principal';
import { PageQueryDto } from '../../../http/page-query.dto';
import { CustomerOrganizationView } from '../organization-view';

export type MyOrganization = { organizationId: string; role: 'owner' | 'administrator'; organization: CustomerOrganizationView | null };

export class MyOrganizationsQuery extends Query<Page<MyOrganization>> {
  constructor(
    readonly page: PageQueryDto,
    readonly viewer: Principal,
  ) {
    super();
  }
}
