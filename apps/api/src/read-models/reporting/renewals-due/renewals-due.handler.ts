import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SubscriptionPage, vendorRenewalsDue } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { requireReadable } from '../../../access/tenancy';
import { CLOCK, Clock } from '../../../infrastructure/clock';
import { READ_STORE } from '../../../infrastructure/read-store.provider';
import { listRead } from '../../shared/list-read';
import { RenewalsDueQuery } from './renewals-due.query';

/** Renewals due in the next 30/60/90 days: a range on the paid period's end, decided at read time. */
@QueryHandler(RenewalsDueQuery)
export class RenewalsDueHandler implements IQueryHandler<RenewalsDueQuery, SubscriptionPage> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ vendorId, filter, viewer }: RenewalsDueQuery): Promise<SubscriptionPage> {
    requireReadable(viewer, 'vendor-admin', vendorId, 'vendor');
    return listRead(vendorRenewalsDue(this.readStore, { vendorId, ...filter, now: this.clock.now() }));
  }
}
