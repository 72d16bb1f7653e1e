import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ApiKeyListing, apiKeysOf, Page } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { READ_STORE } from '../../../infrastructure/read-store.provider';
import { listRead } from '../../../read-models/shared/list-read';
import { ListApiKeysQuery } from './list-api-keys.query';

@QueryHandler(ListApiKeysQuery)
export class ListApiKeysHandler implements IQueryHandler<ListApiKeysQuery, Page<ApiKeyListing>> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  execute({ viewer, page }: ListApiKeysQuery): Promise<Page<ApiKeyListing>> {
    return listRead(apiKeysOf(this.readStore, { role: viewer.role, tenantId: viewer.tenantId }, page));
  }
}
