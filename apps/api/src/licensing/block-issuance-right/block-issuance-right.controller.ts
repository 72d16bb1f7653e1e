import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal } from '../../access/principal';
import { requireOwnTenant } from '../../access/tenancy';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { IssuanceRightCommandResult } from '../issuance-right-command-result';
import { BlockIssuanceRightCommand } from './block-issuance-right.command';
import { BlockIssuanceRightDto } from './block-issuance-right.dto';

@ApiTags('issuance rights')
@Controller('vendors/:vendorId/issuance-rights/:rightId/block')
export class BlockIssuanceRightController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('vendor-admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop a right early: no more licenses under it; the right and its licenses stay on record (rule 12)' })
  @ApiResponse({ status: 404, description: 'problem codes: vendor-not-found, issuance-right-not-found' })
  block(
    @Param('vendorId') vendorId: string,
    @Param('rightId') rightId: string,
    @Body() body: BlockIssuanceRightDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<IssuanceRightCommandResult> {
    requireOwnTenant(principal, 'vendor-admin', vendorId, 'vendor');
    return this.commandBus.execute(new BlockIssuanceRightCommand(vendorId, rightId, body.reason, this.envelopes.fromRequest(request)));
  }
}
