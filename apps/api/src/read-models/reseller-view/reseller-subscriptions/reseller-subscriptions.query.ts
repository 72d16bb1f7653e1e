import { Query } from '@nestjs/cqrs';
import { Page, ResellerSubscription } from '@channel-ledger/projections';
import { Principal } from '../../../access/principal';
import { ResellerSubscriptionsQueryDto } from '../reseller-view.dto';

export class ResellerSubscriptionsQuery extends Query<Page<ResellerSubscription>> {
  constructor(
    readonly resellerId: string,
    readonly filter: ResellerSubscriptionsQueryDto,
    readonly viewer: Principal,
  ) {
    super();
  }
}
