import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { monthlySales } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { requireReadable } from '../../../access/tenancy';
import { READ_STORE } from '../../../infrastructure/read-store.provider';
import { MonthlySalesQuery, MonthlySalesReport } from './monthly-sales.query';

/** Seats sold and revenue per month and currency (never summed across currencies). */
@QueryHandler(MonthlySalesQuery)
export class MonthlySalesHandler implements IQueryHandler<MonthlySalesQuery, MonthlySalesReport> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ vendorId, filter, viewer }: MonthlySalesQuery): Promise<MonthlySalesReport> {
    requireReadable(viewer, 'vendor-admin', vendorId, 'vendor');
    return { vendorId, months: await monthlySales(this.readStore, { vendorId, ...filter }) };
  }
}
