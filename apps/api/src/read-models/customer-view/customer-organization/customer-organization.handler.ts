import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { customerOrganization, CustomerOrganization, customerOrganizationFor } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { Principal, readsEverything } from '../../../access/principal';
import { notVisible } from '../../../http/not-visible';
import { CLOCK, Clock } from '../../../infrastructure/clock';
import { READ_STORE } from '../../../infrastructure/read-store.provider';
import { CustomerOrganizationView, organizationView } from '../organization-view';
import { CustomerOrganizationQuery } from './customer-organization.query';

/**
 * The organization as its owner or an accepted administrator sees it (rule 8: read-only, no prices,
 * no invoices); support and auditors see the same view. Anyone else: 404, as for a missing one.
 */
@QueryHandler(CustomerOrganizationQuery)
export class CustomerOrganizationHandler implements IQueryHandler<CustomerOrganizationQuery, CustomerOrganizationView> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ organizationId, viewer }: CustomerOrganizationQuery): Promise<CustomerOrganizationView> {
    const document = await this.visible(organizationId, viewer);
    if (!document) throw notVisible('organization', organizationId);
    return organizationView(document, this.clock.now().toISOString());
  }

  private visible(organizationId: string, viewer: Principal): Promise<CustomerOrganization | null> {
    // A customer principal's tenant is the address it signed in with.
    if (viewer.role === 'customer' && viewer.tenantId) return customerOrganizationFor(this.readStore, organizationId, viewer.tenantId);
    if (readsEverything(viewer)) return customerOrganization(this.readStore, organizationId);
    return Promise.resolve(null);
  }
}
