import { Query } from '@nestjs/cqrs';
import { DashboardFilter, DashboardScope, PartnerColumns } from '@channel-ledger/projections';
import { Principal } from '../../../access/principal';
import { DashboardColumn, DashboardFilterName, DashboardTableName } from './dashboard-tables';

/** One table of the dashboard: its rows and what they mean. */
export interface DashboardTable {
  table: DashboardTableName;
  title: string;
  description: string;
  scope: DashboardScope;
  /** The instant "now" figures (active, due, pending, expired) were judged at. */
  asOf: string;
  /** The filters applied (only those this table takes). */
  filter: DashboardFilter;
  /** Filters this table takes. */
  filters: DashboardFilterName[];
  columns: DashboardColumn[];
  rows: PartnerColumns[];
}

export class DashboardTableQuery extends Query<DashboardTable> {
  constructor(
    readonly table: DashboardTableName,
    readonly scope: DashboardScope,
    readonly filter: DashboardFilter,
    readonly viewer: Principal,
  ) {
    super();
  }
}
