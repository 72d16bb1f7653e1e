import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { LicenseCommandResult } from '../license-command-result';
import { DeliverLicenseCommand } from './deliver-license.command';
import { DeliverLicenseDto } from './deliver-license.dto';

@ApiTags('licenses')
@Controller('licenses/:licenseId/delivery')
export class DeliverLicenseController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('reseller', 'support')
  @HttpCode(200)
  @ApiOperation({ summary: "Send the license to the customer's address; never to any reseller's address (rule 10)" })
  @ApiResponse({ status: 404, description: 'problem codes: license-not-found' })
  @ApiResponse({ status: 422, description: 'problem codes: license-not-to-reseller, license-revoked, reseller-email-not-verified' })
  @ApiResponse({ status: 503, description: 'problem codes: reseller-directory-unavailable (nothing was delivered)' })
  deliver(@Param('licenseId') licenseId: string, @Body() body: DeliverLicenseDto, @Req() request: Request): Promise<LicenseCommandResult> {
    return this.commandBus.execute(new DeliverLicenseCommand(licenseId, body.recipientEmail, this.envelopes.fromRequest(request)));
  }
}
