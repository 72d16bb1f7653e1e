import { Query } from '@nestjs/cqrs';
import { DashboardOverview, DashboardScope } from '@channel-ledger/projections';
import { Principal } from '../../../access/principal';
import { DashboardTableName } from './dashboard-tables';

export type DashboardOverviewReport = DashboardOverview & {
  asOf: string;
  /** Each table's title and the path of its JSON/CSV route. */
  tables: { name: DashboardTableName; title: string; path: string }[];
};

export class DashboardOverviewQuery extends Query<DashboardOverviewReport> {
  constructor(
    readonly scope: DashboardScope,
    readonly viewer: Principal,
  ) {
    super();
  }
}
