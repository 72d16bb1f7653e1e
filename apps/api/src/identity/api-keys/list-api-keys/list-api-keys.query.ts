import { Query } from '@nestjs/cqrs';
import { ApiKeyListing, Page } from '@channel-ledger/projections';
import { Principal } from '../../../access/principal';
import { PageQueryDto } from '../../../http/page-query.dto';

/** The caller's tenant's API keys, never their secrets. */
export class ListApiKeysQuery extends Query<Page<ApiKeyListing>> {
  constructor(
    readonly viewer: Principal,
    readonly page: PageQueryDto,
  ) {
    super();
  }
}
