import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { customerOrganization, customerOrganizationsOf, Page } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { CLOCK, Clock } from '../../../infrastructure/clock';
import { READ_STORE } from '../../../infrastructure/read-store.provider';
import { listRead } from '../../shared/list-read';
import { organizationView } from '../organization-view';
import { MyOrganization, MyOrganizationsQuery } from './my-organizations.query';

/**
 * The organizations the signed-in customer owns or administers, each with its read-only view
 * (subscriptions, licenses to download, contacts): one indexed page, then one lookup by id per item.
 */
@QueryHandler(MyOrganizationsQuery)
export class MyOrganizationsHandler implements IQueryHandler<MyOrganizationsQuery, Page<MyOrganization>> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ page, viewer }: MyOrganizationsQuery): Promise<Page<MyOrganization>> {
    // Only customers reach this route; their tenant is the address they signed in with.
    if (viewer.role !== 'customer' || !viewer.tenantId) return { items: [], nextCursor: null };
    const access = await listRead(customerOrganizationsOf(this.readStore, viewer.tenantId, page));
    const now = this.clock.now().toISOString();
    const items = await Promise.all(
      access.items.map(async ({ organizationId, role }) => {
        const document = await customerOrganization(this.readStore, organizationId);
        return { organizationId, role, organization: document ? organizationView(document, now) : null };
      }),
    );
    return { items, nextCursor: access.nextCursor };
  }
}
