import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Page, ResellerIssuanceRight, resellerIssuanceRights } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { requireReadable } from '../../../access/tenancy';
import { READ_STORE } from '../../../infrastructure/read-store.provider';
import { listRead } from '../../shared/list-read';
import { ResellerIssuanceRightsQuery } from './reseller-issuance-rights.query';

@QueryHandler(ResellerIssuanceRightsQuery)
export class ResellerIssuanceRightsHandler implements IQueryHandler<ResellerIssuanceRightsQuery, Page<ResellerIssuanceRight>> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  execute({ resellerId, page, viewer }: ResellerIssuanceRightsQuery): Promise<Page<ResellerIssuanceRight>> {
    requireReadable(viewer, 'reseller', resellerId, 'reseller');
    return listRead(resellerIssuanceRights(this.readStore, resellerId, page));
  }
}
