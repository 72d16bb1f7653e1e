import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Page, ResellerSubscription, resellerSubscriptions } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { requireReadable } from '../../../access/tenancy';
import { READ_STORE } from '../../../infrastructure/read-store.provider';
import { listRead } from '../../shared/list-read';
import { instantWindow } from '../../shared/date-window';
import { ResellerSubscriptionsQuery } from './reseller-subscriptions.query';

@QueryHandler(ResellerSubscriptionsQuery)
export class ResellerSubscriptionsHandler implements IQueryHandler<ResellerSubscriptionsQuery, Page<ResellerSubscription>> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  execute({ resellerId, filter, viewer }: ResellerSubscriptionsQuery): Promise<Page<ResellerSubscription>> {
    requireReadable(viewer, 'reseller', resellerId, 'reseller');
    const { renewsFrom, renewsTo, ...rest } = filter;
    const renewals = instantWindow(renewsFrom, renewsTo, { from: 'renewsFrom', to: 'renewsTo' });
    return listRead(
      resellerSubscriptions(this.readStore, resellerId, { ...rest, renewsFrom: renewals.from, renewsBefore: renewals.before }),
    );
  }
}
