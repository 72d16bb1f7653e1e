import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { resellerCustomer, resellerSubscriptions } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { requireReadable } from '../../../access/tenancy';
import { notVisible } from '../../../http/not-visible';
import { CLOCK, Clock } from '../../../infrastructure/clock';
import { READ_STORE } from '../../../infrastructure/read-store.provider';
import { customerItem } from '../customer-item';
import { ResellerCustomerDetail, ResellerCustomerQuery } from './reseller-customer.query';

/** One customer with its subscriptions (a customer has a handful; the read store's page maximum bounds it). */
@QueryHandler(ResellerCustomerQuery)
export class ResellerCustomerHandler implements IQueryHandler<ResellerCustomerQuery, ResellerCustomerDetail> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ resellerId, organizationId, viewer }: ResellerCustomerQuery): Promise<ResellerCustomerDetail> {
    requireReadable(viewer, 'reseller', resellerId, 'reseller');
    const customer = await resellerCustomer(this.readStore, resellerId, organizationId);
    if (!customer) throw notVisible('customer organization', organizationId);
    const subscriptions = await resellerSubscriptions(this.readStore, resellerId, { organizationId, limit: 1000 });
    return { ...customerItem(customer, this.clock.now().toISOString()), subscriptions: subscriptions.items };
  }
}
