import { Body, Controller, HttpCode, Param, Put, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal } from '../../access/principal';
import { requireOwnTenant } from '../../access/tenancy';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { CatalogCommandResult } from '../catalog-command-result';
import { ChangePlanPriceCommand } from './change-plan-price.command';
import { ChangePlanPriceDto } from './change-plan-price.dto';

@ApiTags('catalog')
@Controller('vendors/:vendorId/plans/:planId/prices')
export class ChangePlanPriceController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Put()
  @Allow('vendor-admin')
  @HttpCode(200)
  @ApiOperation({ summary: "Change (or start offering) a plan's per-seat price for one billing period" })
  @ApiResponse({ status: 404, description: 'problem codes: vendor-not-found, plan-not-found' })
  @ApiResponse({ status: 422, description: 'problem codes: price-unchanged, plan-retired, invalid-amount' })
  change(
    @Param('vendorId') vendorId: string,
    @Param('planId') planId: string,
    @Body() body: ChangePlanPriceDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<CatalogCommandResult> {
    requireOwnTenant(principal, 'vendor-admin', vendorId, 'vendor');
    return this.commandBus.execute(new ChangePlanPriceCommand(vendorId, planId, body, this.envelopes.fromRequest(request)));
  }
}
