import { Query } from '@nestjs/cqrs';
import { Page, PublicCustomer } from '@channel-ledger/projections';
import { Principal } from '../../../access/principal';
import { PublicCustomersQueryDto } from '../reseller-view.dto';

export class PublicCustomersQuery extends Query<Page<PublicCustomer>> {
  constructor(
    readonly resellerId: string,
    readonly filter: PublicCustomersQueryDto,
    readonly viewer: Principal,
  ) {
    super();
  }
}
