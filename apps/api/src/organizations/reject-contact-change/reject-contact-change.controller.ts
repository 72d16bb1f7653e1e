import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { OrganizationCommandResult } from '../organization-command-result';
import { RejectContactChangeCommand } from './reject-contact-change.command';
import { RejectContactChangeDto } from './reject-contact-change.dto';

@ApiTags('organizations')
@Controller('organizations/:organizationId/contact-change-requests/:requestId/rejection')
export class RejectContactChangeController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('support')
  @HttpCode(200)
  @ApiOperation({ summary: "Support rejects a reseller's contact change request, saying why" })
  @ApiResponse({ status: 404, description: 'problem codes: contact-change-request-not-found' })
  @ApiResponse({ status: 422, description: 'problem codes: contact-change-already-decided' })
  reject(
    @Param('organizationId') organizationId: string,
    @Param('requestId') requestId: string,
    @Body() body: RejectContactChangeDto,
    @Req() request: Request,
  ): Promise<OrganizationCommandResult> {
    return this.commandBus.execute(new RejectContactChangeCommand(organizationId, requestId, body, this.envelopes.fromRequest(request)));
  }
}
