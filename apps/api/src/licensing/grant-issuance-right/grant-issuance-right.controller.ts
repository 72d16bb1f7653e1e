import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal } from '../../access/principal';
import { requireOwnTenant } from '../../access/tenancy';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { IssuanceRightCommandResult } from '../issuance-right-command-result';
import { GrantIssuanceRightCommand } from './grant-issuance-right.command';
import { GrantIssuanceRightDto } from './grant-issuance-right.dto';

@ApiTags('issuance rights')
@Controller('vendors/:vendorId/issuance-rights')
export class GrantIssuanceRightController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('vendor-admin')
  @HttpCode(201)
  @ApiOperation({ summary: "Let a reseller issue at most N licenses of a template for the admin's own vendor, until a date (rule 12)" })
  @ApiResponse({ status: 201, description: 'Granted; Location names the right' })
  @ApiResponse({ status: 404, description: "problem codes: vendor-not-found (another vendor's path), reseller-not-found" })
  @ApiResponse({ status: 422, description: 'problem codes: invalid-max-licenses, issuance-right-expiry-in-past, invalid-expiry' })
  async grant(
    @Param('vendorId') vendorId: string,
    @Body() body: GrantIssuanceRightDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IssuanceRightCommandResult> {
    requireOwnTenant(principal, 'vendor-admin', vendorId, 'vendor');
    const result = await this.commandBus.execute(new GrantIssuanceRightCommand(vendorId, body, this.envelopes.fromRequest(request)));
    response.location(`/vendors/${vendorId}/issuance-rights/${result.rightId}`);
    return result;
  }
}
