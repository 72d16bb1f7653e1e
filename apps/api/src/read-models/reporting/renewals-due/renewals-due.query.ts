import { Query } from '@nestjs/cqrs';
import { SubscriptionPage } from '@channel-ledger/projections';
import { Principal } from '../../../access/principal';
import { RenewalsDueQueryDto } from '../reporting.dto';

export class RenewalsDueQuery extends Query<SubscriptionPage> {
  constructor(
    readonly vendorId: string,
    readonly filter: RenewalsDueQueryDto,
    readonly viewer: Principal,
  ) {
    super();
  }
}
