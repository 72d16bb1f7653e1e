import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CustomerSearch, Page, searchResellerCustomers } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { requireReadable } from '../../../access/tenancy';
import { CLOCK, Clock } from '../../../infrastructure/clock';
import { READ_STORE } from '../../../infrastructure/read-store.provider';
import { listRead } from '../../shared/list-read';
import { customerItem, ResellerCustomerItem } from '../customer-item';
import { ResellerCustomersQuery } from './reseller-customers.query';

@QueryHandler(ResellerCustomersQuery)
export class ResellerCustomersHandler implements IQueryHandler<ResellerCustomersQuery, Page<ResellerCustomerItem>> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ resellerId, filter, viewer }: ResellerCustomersQuery): Promise<Page<ResellerCustomerItem>> {
    requireReadable(viewer, 'reseller', resellerId, 'reseller');
    const now = this.clock.now().toISOString();
    const search: CustomerSearch = { namePrefix: filter.name, cursor: filter.cursor, limit: filter.limit };
    if (filter.status === 'reseller-owned') search.ownership = 'reseller';
    if (filter.status === 'customer-owned') search.ownership = 'customer';
    if (filter.status === 'transfer-pending') search.transferOpenAt = now;
    const page = await listRead(searchResellerCustomers(this.readStore, resellerId, search));
    return { items: page.items.map((customer) => customerItem(customer, now)), nextCursor: page.nextCursor };
  }
}
