import { Query } from '@nestjs/cqrs';
import { Plan } from '@channel-ledger/domain';
import { Principal } from '../../access/principal';

export interface VendorPlans {
  vendorId: string;
  /** Retired plans stay listed (status 'retired'): subscriptions bought on them still refer to them. */
  plans: Plan[];
}

export class ListPlansQuery extends Query<VendorPlans> {
  constructor(
    readonly vendorId: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}
