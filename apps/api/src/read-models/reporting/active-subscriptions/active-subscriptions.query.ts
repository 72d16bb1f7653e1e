import { Query } from '@nestjs/cqrs';
import { SubscriptionPage } from '@channel-ledger/projections';
import { Principal } from '../../../access/principal';
import { VendorSubscriptionsQueryDto } from '../reporting.dto';

export class ActiveSubscriptionsQuery extends Query<SubscriptionPage> {
  constructor(
    readonly vendorId: string,
    readonly filter: VendorSubscriptionsQueryDto,
    readonly viewer: Principal,
  ) {
    super();
  }
}
