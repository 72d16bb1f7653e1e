import { Query } from '@nestjs/cqrs';
import { ResellerSubscription } from '@channel-ledger/projections';
import { Principal } from '../../../access/principal';
import { ResellerCustomerItem } from '../customer-item';

export type ResellerCustomerDetail = ResellerCustomerItem & { subscriptions: ResellerSubscription[] };

export class ResellerCustomerQuery extends Query<ResellerCustomerDetail> {
  constructor(
    readonly resellerId: string,
    readonly organizationId: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}
