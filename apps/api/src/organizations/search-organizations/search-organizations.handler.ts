import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CustomerOrganization, openTransferAt, Page, searchCustomerOrganizations } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { CLOCK, Clock } from '../../infrastructure/clock';
import { READ_STORE } from '../../infrastructure/read-store.provider';
import { SearchOrganizationsQuery } from './search-organizations.query';

@QueryHandler(SearchOrganizationsQuery)
export class SearchOrganizationsHandler implements IQueryHandler<SearchOrganizationsQuery, Page<CustomerOrganization>> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ search, page }: SearchOrganizationsQuery): Promise<Page<CustomerOrganization>> {
    const found = await searchCustomerOrganizations(this.readStore, search, page);
    const now = this.clock.now().toISOString();
    // A lapsed offer is shown as none, as everywhere else (rule 3).
    return { ...found, items: found.items.map((o) => ({ ...o, pendingTransfer: openTransferAt(o, now) })) };
  }
}
