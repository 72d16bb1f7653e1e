import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { dashboardOverview, DashboardFilter, DashboardScope } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { Principal } from '../../../access/principal';
import { requireReadable } from '../../../access/tenancy';
import { InvalidInputException } from '../../../http/invalid-input.exception';
import { CLOCK, Clock } from '../../../infrastructure/clock';
import { READ_STORE } from '../../../infrastructure/read-store.provider';
import { listRead } from '../../shared/list-read';
import { DashboardOverviewQuery, DashboardOverviewReport } from './dashboard-overview.query';
import { DashboardTable, DashboardTableQuery } from './dashboard-table.query';
import { DASHBOARD_TABLE_DEFINITIONS, DASHBOARD_TABLES } from './dashboard-tables';

/** A vendor's figures are its administrators' (and support's, auditors'); a reseller's are its own. Anyone else: 404. */
function requireScope(viewer: Principal, scope: DashboardScope): void {
  if (scope.kind === 'vendor') requireReadable(viewer, 'vendor-admin', scope.vendorId, 'vendor');
  else requireReadable(viewer, 'reseller', scope.resellerId, 'reseller');
}

export function scopePath(scope: DashboardScope): string {
  return scope.kind === 'vendor'
    ? `/reports/vendors/${encodeURIComponent(scope.vendorId)}/dashboard`
    : `/reports/resellers/${encodeURIComponent(scope.resellerId)}/dashboard`;
}

/** One dashboard table, read from the reporting read model and judged at the ledger's clock. */
@QueryHandler(DashboardTableQuery)
export class DashboardTableHandler implements IQueryHandler<DashboardTableQuery, DashboardTable> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ table, scope, filter, viewer }: DashboardTableQuery): Promise<DashboardTable> {
    requireScope(viewer, scope);
    if (filter.fromMonth !== undefined && filter.toMonth !== undefined && filter.fromMonth > filter.toMonth) {
      throw new InvalidInputException([{ field: 'toMonth', messages: ['toMonth must not be before fromMonth'] }]);
    }
    const definition = DASHBOARD_TABLE_DEFINITIONS[table];
    // Only the filters this table takes are applied (and echoed).
    const applied: DashboardFilter = {};
    if (definition.filters.includes('reseller') && filter.resellerId !== undefined) applied.resellerId = filter.resellerId;
    if (definition.filters.includes('currency') && filter.currency !== undefined) applied.currency = filter.currency;
    if (definition.filters.includes('period')) {
      if (filter.fromMonth !== undefined) applied.fromMonth = filter.fromMonth;
      if (filter.toMonth !== undefined) applied.toMonth = filter.toMonth;
    }
    const asOf = this.clock.now().toISOString();
    const rows = await listRead(definition.rows(this.readStore, { scope, filter: applied, now: asOf }));
    return {
      table,
      title: definition.title,
      description: definition.description,
      scope,
      asOf,
      filter: applied,
      filters: definition.filters,
      columns: definition.columns,
      rows,
    };
  }
}

/** What the dashboard's filters offer in a scope, and where its tables are. */
@QueryHandler(DashboardOverviewQuery)
export class DashboardOverviewHandler implements IQueryHandler<DashboardOverviewQuery, DashboardOverviewReport> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ scope, viewer }: DashboardOverviewQuery): Promise<DashboardOverviewReport> {
    requireScope(viewer, scope);
    const overview = await listRead(dashboardOverview(this.readStore, scope));
    const base = scopePath(scope);
    return {
      ...overview,
      asOf: this.clock.now().toISOString(),
      tables: DASHBOARD_TABLES.map((name) => ({ name, title: DASHBOARD_TABLE_DEFINITIONS[name].title, path: `${base}/${name}` })),
    };
  }
}
