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
import { ExtendIssuanceRightCommand } from './extend-issuance-right.command';
import { ExtendIssuanceRightDto } from './extend-issuance-right.dto';

@ApiTags('issuance rights')
@Controller('vendors/:vendorId/issuance-rights/:rightId/extension')
export class ExtendIssuanceRightController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('vendor-admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the expiry later and/or allow more licenses (rights grow; they are never deleted, rule 12)' })
  @ApiResponse({ status: 404, description: 'problem codes: vendor-not-found, issuance-right-not-found' })
  @ApiResponse({
    status: 422,
    description: 'problem codes: invalid-extension, issuance-right-not-extended, issuance-right-blocked, issuance-right-expiry-in-past',
  })
  extend(
    @Param('vendorId') vendorId: string,
    @Param('rightId') rightId: string,
    @Body() body: ExtendIssuanceRightDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<IssuanceRightCommandResult> {
    requireOwnTenant(principal, 'vendor-admin', vendorId, 'vendor');
    return this.commandBus.execute(new ExtendIssuanceRightCommand(vendorId, rightId, body, this.envelopes.fromRequest(request)));
  }
}
