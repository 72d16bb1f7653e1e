import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { OrganizationCommandResult } from '../organization-command-result';
import { ApproveContactChangeCommand } from './approve-contact-change.command';

@ApiTags('organizations')
@Controller('organizations/:organizationId/contact-change-requests/:requestId/approval')
export class ApproveContactChangeController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('support')
  @HttpCode(200)
  @ApiOperation({ summary: "Support approves a reseller's contact change request: the contact changes (rule 9)" })
  @ApiResponse({ status: 404, description: 'problem codes: contact-change-request-not-found' })
  @ApiResponse({ status: 422, description: 'problem codes: contact-change-already-decided' })
  approve(
    @Param('organizationId') organizationId: string,
    @Param('requestId') requestId: string,
    @Req() request: Request,
  ): Promise<OrganizationCommandResult> {
    return this.commandBus.execute(new ApproveContactChangeCommand(organizationId, requestId, this.envelopes.fromRequest(request)));
  }
}
