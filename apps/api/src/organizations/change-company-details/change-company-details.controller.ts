import { Body, Controller, HttpCode, Param, Put, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { OrganizationCommandResult } from '../organization-command-result';
import { ChangeCompanyDetailsCommand } from './change-company-details.command';
import { ChangeCompanyDetailsDto } from './change-company-details.dto';

@ApiTags('organizations')
@Controller('organizations/:organizationId/company-details')
export class ChangeCompanyDetailsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  /** Customers may call it to be told, by the decider, whom to ask instead (rule 8). */
  @Put()
  @Allow('reseller', 'customer')
  @HttpCode(200)
  @ApiOperation({ summary: "Replace the organization's name and company details (the managing reseller only)" })
  @ApiResponse({ status: 404, description: 'problem codes: organization-not-found' })
  @ApiResponse({
    status: 422,
    description: 'problem codes: customer-is-read-only (names the reseller to contact), reseller-email-not-verified',
  })
  change(
    @Param('organizationId') organizationId: string,
    @Body() body: ChangeCompanyDetailsDto,
    @Req() request: Request,
  ): Promise<OrganizationCommandResult> {
    return this.commandBus.execute(new ChangeCompanyDetailsCommand(organizationId, body, this.envelopes.fromRequest(request)));
  }
}
