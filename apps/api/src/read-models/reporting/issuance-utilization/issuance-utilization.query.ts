import { Query } from '@nestjs/cqrs';
import { UtilizationReport } from '@channel-ledger/projections';
import { Principal } from '../../../access/principal';

export class IssuanceUtilizationQuery extends Query<UtilizationReport> {
  constructor(
    readonly vendorId: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}
