import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Plan } from '@channel-ledger/domain';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal } from '../../access/principal';
import { notVisible } from '../../http/not-visible';
import { ListPlansQuery, VendorPlans } from './list-plans.query';

/**
 * Not public, and not for customers (they see no prices they did not pay) nor operators (no
 * business data): resellers read any vendor's plans to buy, staff read them all.
 */
@ApiTags('catalog')
@Controller('vendors/:vendorId/plans')
@Allow('reseller', 'vendor-admin', 'support', 'auditor')
export class ListPlansController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: "A vendor's plans with their current per-seat prices, retired ones included" })
  @ApiResponse({ status: 404, description: "problem codes: vendor-not-found (a vendor admin reading another vendor's catalog)" })
  list(@Param('vendorId') vendorId: string, @CurrentPrincipal() principal: Principal): Promise<VendorPlans> {
    return this.queryBus.execute(new ListPlansQuery(vendorId, principal));
  }

  @Get(':planId')
  @ApiOperation({ summary: 'One plan of a vendor' })
  @ApiResponse({ status: 404, description: 'problem codes: plan-not-found, vendor-not-found' })
  async get(@Param('vendorId') vendorId: string, @Param('planId') planId: string, @CurrentPrincipal() principal: Principal): Promise<Plan> {
    const { plans } = await this.queryBus.execute(new ListPlansQuery(vendorId, principal));
    const plan = plans.find((p) => p.planId === planId);
    if (!plan) throw notVisible('plan', planId);
    return plan;
  }
}
