import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Page, ResellerLicense, resellerLicenses } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { requireReadable } from '../../../access/tenancy';
import { READ_STORE } from '../../../infrastructure/read-store.provider';
import { listRead } from '../../shared/list-read';
import { ResellerLicensesQuery } from './reseller-licenses.query';

@QueryHandler(ResellerLicensesQuery)
export class ResellerLicensesHandler implements IQueryHandler<ResellerLicensesQuery, Page<ResellerLicense>> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  execute({ resellerId, filter, viewer }: ResellerLicensesQuery): Promise<Page<ResellerLicense>> {
    requireReadable(viewer, 'reseller', resellerId, 'reseller');
    return listRead(resellerLicenses(this.readStore, resellerId, filter));
  }
}
