import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { issuingVendorsOf, Page, PublicCustomer, publicCustomersOfOthers } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { requireReadable } from '../../../access/tenancy';
import { CLOCK, Clock } from '../../../infrastructure/clock';
import { READ_STORE } from '../../../infrastructure/read-store.provider';
import { listRead } from '../../shared/list-read';
import { PublicCustomersQuery } from './public-customers.query';

/**
 * Rule 13: other resellers' public customers, for license issuance only (names and ids, nothing
 * else). "The same vendor" means a vendor the reseller may issue licenses of now: one of its
 * issuance rights is neither blocked nor expired. Another vendor asked for is simply empty.
 */
@QueryHandler(PublicCustomersQuery)
export class PublicCustomersHandler implements IQueryHandler<PublicCustomersQuery, Page<PublicCustomer>> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ resellerId, filter, viewer }: PublicCustomersQuery): Promise<Page<PublicCustomer>> {
    requireReadable(viewer, 'reseller', resellerId, 'reseller');
    const vendors = await issuingVendorsOf(this.readStore, resellerId, this.clock.now().toISOString());
    const asked = filter.vendorId === undefined ? vendors : vendors.filter((vendorId) => vendorId === filter.vendorId);
    return listRead(publicCustomersOfOthers(this.readStore, resellerId, asked, { cursor: filter.cursor, limit: filter.limit }));
  }
}
