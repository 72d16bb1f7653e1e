import { applyDecorators, Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { DashboardFilter, DashboardScope } from '@channel-ledger/projections';
import { Allow } from '../../../access/access.decorator';
import { CurrentPrincipal } from '../../../access/current-principal.decorator';
import { Principal } from '../../../access/principal';
import { toCsv } from './csv';
import { DashboardOverviewQuery, DashboardOverviewReport } from './dashboard-overview.query';
import { DashboardTable, DashboardTableQuery } from './dashboard-table.query';
import { DashboardTableName, DASHBOARD_TABLE_DEFINITIONS } from './dashboard-tables';
import { DashboardTableQueryDto, VendorDashboardTableQueryDto } from './dashboard.dto';
import { DashboardOverviewResponse, DashboardTableResponse } from './dashboard.responses';

/** One table route: JSON by default, CSV with `?format=csv`. */
function TableRoute(name: DashboardTableName): MethodDecorator {
  const definition = DASHBOARD_TABLE_DEFINITIONS[name];
  return applyDecorators(
    Get(name),
    ApiOperation({
      summary: `${definition.title} (JSON or CSV)`,
      description: `${definition.description} Filters: ${definition.filters.join(', ')}.`,
    }),
    ApiProduces('application/json', 'text/csv'),
    ApiExtraModels(DashboardTableResponse),
    ApiServiceUnavailableResponse({ description: 'problem codes: read-model-rebuilding (retry after Retry-After seconds)' }),
    ApiOkResponse({
      description: 'The table: its columns and rows (JSON), or the same rows as CSV with a header of column keys.',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(DashboardTableResponse) } },
        'text/csv': { schema: { type: 'string', example: 'month,vendorId,resellerId,resellerName,currency,newRevenue,…\r\n' } },
      },
    }),
  );
}

/** Answers the table as JSON, or as a CSV file named after the table, scope and period. */
export function answer(table: DashboardTable, format: 'json' | 'csv' | undefined, response: Response): DashboardTable | string {
  if (format !== 'csv') return table;
  const owner = table.scope.kind === 'vendor' ? table.scope.vendorId : table.scope.resellerId;
  const period = [table.filter.fromMonth, table.filter.toMonth].filter(Boolean).join('_');
  const file = [table.table, owner, period]
    .filter(Boolean)
    .join('-')
    .replace(/[^A-Za-z0-9._-]/g, '_');
  response.type('text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${file}.csv"`);
  return toCsv(table.columns, table.rows);
}

function vendorFilter(query: VendorDashboardTableQueryDto): DashboardFilter {
  const { resellerId, currency, fromMonth, toMonth } = query;
  return { ...(resellerId === undefined ? {} : { resellerId: resellerId === 'direct' ? null : resellerId }), currency, fromMonth, toMonth };
}

function resellerFilter(query: DashboardTableQueryDto): DashboardFilter {
  const { currency, fromMonth, toMonth } = query;
  return { currency, fromMonth, toMonth };
}

const defined = (filter: DashboardFilter): DashboardFilter =>
  Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as DashboardFilter;

/**
 * A vendor's reporting dashboard: every reseller selling for it, and its direct sales. The data
 * behind /dashboard, and what BI tools read with a read-only API key.
 */
@ApiTags('reporting dashboard')
@ApiNotFoundResponse({ description: "problem codes: vendor-not-found (another vendor's dashboard looks like a missing one)" })
@Controller('reports/vendors/:vendorId/dashboard')
@Allow('vendor-admin', 'support', 'auditor')
export class VendorDashboardController {
  constructor(private readonly queryBus: QueryBus) {}

  private table(name: DashboardTableName, vendorId: string, query: VendorDashboardTableQueryDto, viewer: Principal, response: Response) {
    const scope: DashboardScope = { kind: 'vendor', vendorId };
    return this.queryBus
      .execute(new DashboardTableQuery(name, scope, defined(vendorFilter(query)), viewer))
      .then((t) => answer(t, query.format, response));
  }

  @Get()
  @ApiOperation({ summary: 'What the dashboard can show: resellers, currencies, months with figures, and the tables' })
  @ApiOkResponse({ type: DashboardOverviewResponse })
  overview(@Param('vendorId') vendorId: string, @CurrentPrincipal() viewer: Principal): Promise<DashboardOverviewReport> {
    return this.queryBus.execute(new DashboardOverviewQuery({ kind: 'vendor', vendorId }, viewer));
  }

  @TableRoute('revenue')
  revenue(
    @Param('vendorId') id: string,
    @Query() q: VendorDashboardTableQueryDto,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.table('revenue', id, q, p, r);
  }

  @TableRoute('seats')
  seats(
    @Param('vendorId') id: string,
    @Query() q: VendorDashboardTableQueryDto,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.table('seats', id, q, p, r);
  }

  @TableRoute('active-subscriptions')
  activeSubscriptions(
    @Param('vendorId') id: string,
    @Query() q: VendorDashboardTableQueryDto,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.table('active-subscriptions', id, q, p, r);
  }

  @TableRoute('renewals-due')
  renewalsDue(
    @Param('vendorId') id: string,
    @Query() q: VendorDashboardTableQueryDto,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.table('renewals-due', id, q, p, r);
  }

  @TableRoute('transfers')
  transfers(
    @Param('vendorId') id: string,
    @Query() q: VendorDashboardTableQueryDto,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.table('transfers', id, q, p, r);
  }

  @TableRoute('issuance-utilization')
  issuanceUtilization(
    @Param('vendorId') id: string,
    @Query() q: VendorDashboardTableQueryDto,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.table('issuance-utilization', id, q, p, r);
  }
}

/** A reseller's own dashboard: its figures with every vendor it sells for; never another reseller's. */
@ApiTags('reporting dashboard')
@ApiNotFoundResponse({ description: "problem codes: reseller-not-found (another reseller's dashboard looks like a missing one)" })
@Controller('reports/resellers/:resellerId/dashboard')
@Allow('reseller', 'support', 'auditor')
export class ResellerDashboardController {
  constructor(private readonly queryBus: QueryBus) {}

  private table(name: DashboardTableName, resellerId: string, query: DashboardTableQueryDto, viewer: Principal, response: Response) {
    const scope: DashboardScope = { kind: 'reseller', resellerId };
    return this.queryBus
      .execute(new DashboardTableQuery(name, scope, defined(resellerFilter(query)), viewer))
      .then((t) => answer(t, query.format, response));
  }

  @Get()
  @ApiOperation({ summary: "What the reseller's dashboard can show: vendors, currencies, months with figures, and the tables" })
  @ApiOkResponse({ type: DashboardOverviewResponse })
  overview(@Param('resellerId') resellerId: string, @CurrentPrincipal() viewer: Principal): Promise<DashboardOverviewReport> {
    return this.queryBus.execute(new DashboardOverviewQuery({ kind: 'reseller', resellerId }, viewer));
  }

  @TableRoute('revenue')
  revenue(
    @Param('resellerId') id: string,
    @Query() q: DashboardTableQueryDto,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.table('revenue', id, q, p, r);
  }

  @TableRoute('seats')
  seats(
    @Param('resellerId') id: string,
    @Query() q: DashboardTableQueryDto,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.table('seats', id, q, p, r);
  }

  @TableRoute('active-subscriptions')
  activeSubscriptions(
    @Param('resellerId') id: string,
    @Query() q: DashboardTableQueryDto,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.table('active-subscriptions', id, q, p, r);
  }

  @TableRoute('renewals-due')
  renewalsDue(
    @Param('resellerId') id: string,
    @Query() q: DashboardTableQueryDto,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.table('renewals-due', id, q, p, r);
  }

  @TableRoute('transfers')
  transfers(
    @Param('resellerId') id: string,
    @Query() q: DashboardTableQueryDto,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.table('transfers', id, q, p, r);
  }

  @TableRoute('issuance-utilization')
  issuanceUtilization(
    @Param('resellerId') id: string,
    @Query() q: DashboardTableQueryDto,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.table('issuance-utilization', id, q, p, r);
  }
}
