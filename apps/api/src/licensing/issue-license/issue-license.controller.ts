import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { IssuedLicenseResult, IssueLicenseCommand } from './issue-license.command';
import { IssueLicenseDto } from './issue-license.dto';

@ApiTags('licenses')
@Controller('licenses')
export class IssueLicenseController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('reseller')
  @HttpCode(201)
  @ApiOperation({ summary: 'Issue a license under one of your issuance rights, linked to a customer or unlinked (rules 12-14)' })
  @ApiResponse({ status: 201, description: 'Issued; Location names the license. NFR rights issue NFR licenses.' })
  @ApiResponse({ status: 404, description: 'problem codes: issuance-right-not-found, organization-not-found' })
  @ApiResponse({
    status: 422,
    description:
      'problem codes: issuance-right-used-up, issuance-right-expired, issuance-right-blocked, organization-of-another-vendor, reseller-email-not-verified',
  })
  async issue(
    @Body() body: IssueLicenseDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IssuedLicenseResult> {
    const result = await this.commandBus.execute(new IssueLicenseCommand(body, this.envelopes.fromRequest(request)));
    response.location(`/licenses/${result.licenseId}`);
    return result;
  }
}
