import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { OrganizationCommandResult } from '../organization-command-result';
import { CreateCustomerOrganizationCommand } from './create-customer-organization.command';
import { CreateCustomerOrganizationDto } from './create-customer-organization.dto';

@ApiTags('organizations')
@Controller('organizations')
export class CreateCustomerOrganizationController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('reseller')
  @HttpCode(201)
  @ApiOperation({ summary: 'Create an organization for a customer; the reseller owns it until the customer accepts ownership (rule 2)' })
  @ApiResponse({ status: 201, description: 'Created; Location names the organization' })
  @ApiResponse({ status: 422, description: 'problem codes: reseller-email-not-verified, customer-contact-is-reseller' })
  async create(
    @Body() body: CreateCustomerOrganizationDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OrganizationCommandResult> {
    const result = await this.commandBus.execute(new CreateCustomerOrganizationCommand(body, this.envelopes.fromRequest(request)));
    response.location(`/organizations/${result.organizationId}`);
    return result;
  }
}
