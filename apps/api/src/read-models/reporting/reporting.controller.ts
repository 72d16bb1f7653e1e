import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SubscriptionPage, UtilizationReport } from '@channel-ledger/projections';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal } from '../../access/principal';
import { ApiPage } from '../shared/api-page';
import { ActiveSubscriptionsQuery } from './active-subscriptions/active-subscriptions.query';
import { IssuanceUtilizationQuery } from './issuance-utilization/issuance-utilization.query';
import { MonthlySalesQuery, MonthlySalesReport } from './monthly-sales/monthly-sales.query';
import { RenewalsDueQuery } from './renewals-due/renewals-due.query';
import { MonthlySalesQueryDto, RenewalsDueQueryDto, VendorSubscriptionsQueryDto } from './reporting.dto';
import { MonthlySalesResponse, ReportingSubscriptionResponse, UtilizationReportResponse } from './reporting.responses';

const TOTAL = { total: { type: 'integer', description: 'How many match in all.' } };

/** A vendor's sales dashboard. Money is in decimal strings, per currency, never summed across currencies. */
@ApiTags('reporting')
@ApiNotFoundResponse({ description: "problem codes: vendor-not-found (another vendor's dashboard looks like a missing one)" })
@Controller('reports/vendors/:vendorId')
@Allow('vendor-admin', 'support', 'auditor')
export class ReportingController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('monthly-sales')
  @ApiOperation({ summary: 'Seats sold, renewals and revenue per month, reseller and currency; ownership transfers per month' })
  @ApiOkResponse({ type: MonthlySalesResponse })
  sales(
    @Param('vendorId') vendorId: string,
    @Query() query: MonthlySalesQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MonthlySalesReport> {
    return this.queryBus.execute(new MonthlySalesQuery(vendorId, query, principal));
  }

  @Get('active-subscriptions')
  @ApiOperation({ summary: 'Subscriptions that will renew, by next renewal date' })
  @ApiPage(ReportingSubscriptionResponse, 'A page of active subscriptions with the total count.', TOTAL)
  active(
    @Param('vendorId') vendorId: string,
    @Query() query: VendorSubscriptionsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SubscriptionPage> {
    return this.queryBus.execute(new ActiveSubscriptionsQuery(vendorId, query, principal));
  }

  @Get('renewals-due')
  @ApiOperation({ summary: 'Renewals due in the next 30, 60 or 90 days' })
  @ApiPage(ReportingSubscriptionResponse, 'A page of subscriptions renewing within the window, soonest first, with the total count.', TOTAL)
  renewals(
    @Param('vendorId') vendorId: string,
    @Query() query: RenewalsDueQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SubscriptionPage> {
    return this.queryBus.execute(new RenewalsDueQuery(vendorId, query, principal));
  }

  @Get('issuance-utilization')
  @ApiOperation({ summary: 'License issuance rights: granted, used, remaining, blocked and expired, per reseller and in total' })
  @ApiOkResponse({ type: UtilizationReportResponse })
  utilization(@Param('vendorId') vendorId: string, @CurrentPrincipal() principal: Principal): Promise<UtilizationReport> {
    return this.queryBus.execute(new IssuanceUtilizationQuery(vendorId, principal));
  }
}
