import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { activeSubscriptions, SubscriptionPage } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { requireReadable } from '../../../access/tenancy';
import { CLOCK, Clock } from '../../../infrastructure/clock';
import { READ_STORE } from '../../../infrastructure/read-store.provider';
import { listRead } from '../../shared/list-read';
import { ActiveSubscriptionsQuery } from './active-subscriptions.query';

/** Subscriptions that will renew, by next renewal date; one whose paid time ran out unrecorded is left out. */
@QueryHandler(ActiveSubscriptionsQuery)
export class ActiveSubscriptionsHandler implements IQueryHandler<ActiveSubscriptionsQuery, SubscriptionPage> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ vendorId, filter, viewer }: ActiveSubscriptionsQuery): Promise<SubscriptionPage> {
    requireReadable(viewer, 'vendor-admin', vendorId, 'vendor');
    return listRead(activeSubscriptions(this.readStore, { vendorId, ...filter, now: this.clock.now() }));
  }
}
