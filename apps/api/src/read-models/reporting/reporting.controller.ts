import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { activeSubscriptions, issuanceUtilization, monthlySales, vendorRenewalsDue } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal } from '../../access/principal';
import { requireReadable } from '../../access/tenancy';
import { CLOCK, Clock } from '../../infrastructure/clock';
import { READ_STORE } from '../../infrastructure/read-store.provider';
import { MonthlySalesQueryDto, RenewalsDueQueryDto, VendorSubscriptionsQueryDto } from './reporting.dto';

/** A vendor's sales dashboard. Money is in decimal strings, per currency, never summed across currencies. */
@Controller('reports/vendors/:vendorId')
@Allow('vendor-admin', 'support', 'auditor')
export class ReportingController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('monthly-sales')
  async sales(@Param('vendorId') vendorId: string, @Query() query: MonthlySalesQueryDto, @CurrentPrincipal() principal: Principal) {
    requireReadable(principal, 'vendor-admin', vendorId, 'vendor');
    return { vendorId, months: await monthlySales(this.readStore, { vendorId, ...query }) };
  }

  @Get('active-subscriptions')
  active(@Param('vendorId') vendorId: string, @Query() query: VendorSubscriptionsQueryDto, @CurrentPrincipal() principal: Principal) {
    requireReadable(principal, 'vendor-admin', vendorId, 'vendor');
    return activeSubscriptions(this.readStore, { vendorId, ...query, now: this.clock.now() });
  }

  @Get('renewals-due')
  renewals(@Param('vendorId') vendorId: string, @Query() query: RenewalsDueQueryDto, @CurrentPrincipal() principal: Principal) {
    requireReadable(principal, 'vendor-admin', vendorId, 'vendor');
    return vendorRenewalsDue(this.readStore, { vendorId, ...query, now: this.clock.now() });
  }

  @Get('issuance-utilization')
  utilization(@Param('vendorId') vendorId: string, @CurrentPrincipal() principal: Principal) {
    requireReadable(principal, 'vendor-admin', vendorId, 'vendor');
    return issuanceUtilization(this.readStore, { vendorId, now: this.clock.now() });
  }
}
