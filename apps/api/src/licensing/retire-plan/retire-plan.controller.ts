import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal } from '../../access/principal';
import { requireOwnTenant } from '../../access/tenancy';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { CatalogCommandResult } from '../catalog-command-result';
import { RetirePlanCommand } from './retire-plan.command';

@ApiTags('catalog')
@Controller('vendors/:vendorId/plans/:planId/retirement')
export class RetirePlanController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('vendor-admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop selling a plan; existing subscriptions are not touched' })
  @ApiResponse({ status: 404, description: 'problem codes: vendor-not-found, plan-not-found' })
  @ApiResponse({ status: 422, description: 'problem codes: plan-already-retired' })
  retire(
    @Param('vendorId') vendorId: string,
    @Param('planId') planId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<CatalogCommandResult> {
    requireOwnTenant(principal, 'vendor-admin', vendorId, 'vendor');
    return this.commandBus.execute(new RetirePlanCommand(vendorId, planId, this.envelopes.fromRequest(request)));
  }
}
