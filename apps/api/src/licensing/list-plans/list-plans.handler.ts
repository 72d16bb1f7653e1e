import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LedgerContext } from '@channel-ledger/application';
import { notVisible } from '../../http/not-visible';
import { ListPlansQuery, VendorPlans } from './list-plans.query';

/** Read from the catalog stream itself: one short stream per vendor, always current. */
@QueryHandler(ListPlansQuery)
export class ListPlansHandler implements IQueryHandler<ListPlansQuery, VendorPlans> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ vendorId, viewer }: ListPlansQuery): Promise<VendorPlans> {
    // Resellers shop any vendor's price list; a vendor admin reads its own vendor only.
    if (viewer.role === 'vendor-admin' && viewer.tenantId !== vendorId) throw notVisible('vendor', vendorId);
    const catalog = await this.ctx.catalog(vendorId);
    const plans = catalog.status === 'open' ? Object.values(catalog.plans) : [];
    return { vendorId, plans: [...plans].sort((a, b) => a.planId.localeCompare(b.planId)) };
  }
}
