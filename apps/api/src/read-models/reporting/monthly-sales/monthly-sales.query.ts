import { Query } from '@nestjs/cqrs';
import { MonthlySalesRow } from '@channel-ledger/projections';
import { Principal } from '../../../access/principal';
import { MonthlySalesQueryDto } from '../reporting.dto';

export type MonthlySalesReport = { vendorId: string; months: MonthlySalesRow[] };

export class MonthlySalesQuery extends Query<MonthlySalesReport> {
  constructor(
    readonly vendorId: string,
    readonly filter: MonthlySalesQueryDto,
    readonly viewer: Principal,
  ) {
    super();
  }
}
