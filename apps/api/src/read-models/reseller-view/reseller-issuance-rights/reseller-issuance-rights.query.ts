import { Query } from '@nestjs/cqrs';
import { Page, ResellerIssuanceRight } from '@channel-ledger/projections';
import { Principal } from '../../../access/principal';
import { PageQueryDto } from '../../../http/page-query.dto';

export class ResellerIssuanceRightsQuery extends Query<Page<ResellerIssuanceRight>> {
  constructor(
    readonly resellerId: string,
    readonly page: PageQueryDto,
    readonly viewer: Principal,
  ) {
    super();
  }
}
