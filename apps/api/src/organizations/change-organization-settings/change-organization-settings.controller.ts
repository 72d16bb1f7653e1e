import { Body, Controller, HttpCode, Param, Patch, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { OrganizationCommandResult } from '../organization-command-result';
import { ChangeOrganizationSettingsCommand } from './change-organization-settings.command';
import { ChangeOrganizationSettingsDto } from './change-organization-settings.dto';

@ApiTags('organizations')
@Controller('organizations/:organizationId/settings')
export class ChangeOrganizationSettingsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Patch()
  @Allow('reseller', 'customer')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Make the customer public or private for the vendor's other resellers, or switch customer association (the managing reseller only)",
  })
  @ApiResponse({ status: 404, description: 'problem codes: organization-not-found' })
  @ApiResponse({ status: 422, description: 'problem codes: customer-is-read-only, reseller-email-not-verified' })
  change(
    @Param('organizationId') organizationId: string,
    @Body() body: ChangeOrganizationSettingsDto,
    @Req() request: Request,
  ): Promise<OrganizationCommandResult> {
    return this.commandBus.execute(new ChangeOrganizationSettingsCommand(organizationId, body, this.envelopes.fromRequest(request)));
  }
}
