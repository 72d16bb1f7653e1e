import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal } from '../../access/principal';
import { requireOwnTenant } from '../../access/tenancy';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { CatalogCommandResult } from '../catalog-command-result';
import { PublishPlanCommand } from './publish-plan.command';
import { PublishPlanDto } from './publish-plan.dto';

@ApiTags('catalog')
@Controller('vendors/:vendorId/plans')
export class PublishPlanController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('vendor-admin')
  @HttpCode(201)
  @ApiOperation({ summary: "Publish a plan with its per-seat prices in the vendor's own catalog" })
  @ApiResponse({ status: 201, description: 'Published; Location names the plan' })
  @ApiResponse({ status: 404, description: "problem codes: vendor-not-found (another vendor's catalog)" })
  @ApiResponse({ status: 422, description: 'problem codes: plan-already-published, unknown-currency, invalid-amount, invalid-plan' })
  async publish(
    @Param('vendorId') vendorId: string,
    @Body() body: PublishPlanDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CatalogCommandResult> {
    requireOwnTenant(principal, 'vendor-admin', vendorId, 'vendor');
    const result = await this.commandBus.execute(new PublishPlanCommand(vendorId, body, this.envelopes.fromRequest(request)));
    response.location(`/vendors/${vendorId}/plans/${result.planId}`);
    return result;
  }
}
