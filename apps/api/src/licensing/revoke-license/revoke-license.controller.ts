import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { LicenseCommandResult } from '../license-command-result';
import { RevokeLicenseCommand } from './revoke-license.command';
import { RevokeLicenseDto } from './revoke-license.dto';

@ApiTags('licenses')
@Controller('licenses/:licenseId/revocation')
export class RevokeLicenseController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('reseller', 'vendor-admin', 'support')
  @HttpCode(200)
  @ApiOperation({
    summary: "Revoke a license (the issuing reseller, the license's vendor, or support); its file can no longer be downloaded",
  })
  @ApiResponse({ status: 404, description: 'problem codes: license-not-found' })
  revoke(@Param('licenseId') licenseId: string, @Body() body: RevokeLicenseDto, @Req() request: Request): Promise<LicenseCommandResult> {
    return this.commandBus.execute(new RevokeLicenseCommand(licenseId, body.reason, this.envelopes.fromRequest(request)));
  }
}
