import { Query } from '@nestjs/cqrs';
import { Page } from '@channel-ledger/projections';
import { Principal } from '../../../access/principal';
import { ResellerCustomersQueryDto } from '../reseller-view.dto';
import { ResellerCustomerItem } from '../customer-item';

export class ResellerCustomersQuery extends Query<Page<ResellerCustomerItem>> {
  constructor(
    readonly resellerId: string,
    readonly filter: ResellerCustomersQueryDto,
    readonly viewer: Principal,
  ) {
    super();
  }
}
