import { Query } from '@nestjs/cqrs';
import { Page, ResellerLicense } from '@channel-ledger/projections';
import { Principal } from '../../../access/principal';
import { ResellerLicensesQueryDto } from '../reseller-view.dto';

export class ResellerLicensesQuery extends Query<Page<ResellerLicense>> {
  constructor(
    readonly resellerId: string,
    readonly filter: ResellerLicensesQueryDto,
    readonly viewer: Principal,
  ) {
    super();
  }
}
