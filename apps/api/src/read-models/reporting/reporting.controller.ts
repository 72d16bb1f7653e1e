import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { activeSubscriptions, issuanceUtilization, monthlySales, vendorRenewalsDue } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { readActor } from '../../http/command-envelope.factory';
import { notVisible } from '../../http/not-visible';
import { mayReadOwnedBy } from '../../http/require-actor';
import { CLOCK, Clock } from '../../infrastructure/clock';
import { READ_STORE } from '../../infrastructure/read-store.provider';
import { MonthlySalesQueryDto, RenewalsDueQueryDto, VendorSubscriptionsQueryDto } from './reporting.dto';

/** A vendor's sales dashboard. Money is in decimal strings, per currency, never summed across currencies. */
@Controller('reports/vendors/:vendorId')
export class ReportingController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('monthly-sales')
  async sales(@Param('vendorId') vendorId: string, @Query() query: MonthlySalesQueryDto, @Req() request: Request) {
    this.mayRead(request, vendorId);
    return { vendorId, months: await monthlySales(this.readStore, { vendorId, ...query }) };
  }

  @Get('active-subscriptions')
  active(@Param('vendorId') vendorId: string, @Query() query: VendorSubscriptionsQueryDto, @Req() request: Request) {
    this.mayRead(request, vendorId);
    return activeSubscriptions(this.readStore, { vendorId, ...query, now: this.clock.now() });
  }

  @Get('renewals-due')
  renewals(@Param('vendorId') vendorId: string, @Query() query: RenewalsDueQueryDto, @Req() request: Request) {
    this.mayRead(request, vendorId);
    return vendorRenewalsDue(this.readStore, { vendorId, ...query, now: this.clock.now() });
  }

  @Get('issuance-utilization')
  utilization(@Param('vendorId') vendorId: string, @Req() request: Request) {
    this.mayRead(request, vendorId);
    return issuanceUtilization(this.readStore, { vendorId, now: this.clock.now() });
  }

  /** A vendor admin reads its own vendor (its actor id names the vendor); support reads all. */
  private mayRead(request: Request, vendorId: string): void {
    const actor = readActor(request);
    if (!mayReadOwnedBy(actor, { kind: 'vendor-admin', id: vendorId })) {
      throw notVisible('vendor', vendorId);
    }
  }
}
