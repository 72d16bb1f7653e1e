import { Query } from '@nestjs/cqrs';
import { Principal } from '../../../access/principal';
import { CustomerOrganizationView } from '../organization-view';

export class CustomerOrganizationQuery extends Query<CustomerOrganizationView> {
  constructor(
    readonly organizationId: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}
