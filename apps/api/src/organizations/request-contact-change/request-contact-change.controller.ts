import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { ContactChangeRequestReceipt, RequestContactChangeCommand } from './request-contact-change.command';
import { RequestContactChangeDto } from './request-contact-change.dto';

@ApiTags('organizations')
@Controller('organizations/:organizationId/contact-change-requests')
export class RequestContactChangeController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  /** A customer may call it to be told, by the decider, to change its contacts directly. */
  @Post()
  @Allow('reseller', 'customer')
  @HttpCode(201)
  @ApiOperation({
    summary: "Ask support to change an end-user contact, attaching an invoice of the customer's subscription issued to you (rule 9)",
  })
  @ApiResponse({ status: 201, description: 'Requested; support approves or rejects it. Location names the request' })
  @ApiResponse({ status: 404, description: 'problem codes: organization-not-found' })
  @ApiResponse({ status: 422, description: 'problem codes: contact-change-needs-invoice, not-permitted, reseller-email-not-verified' })
  async request(
    @Param('organizationId') organizationId: string,
    @Body() body: RequestContactChangeDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ContactChangeRequestReceipt> {
    const result = await this.commandBus.execute(
      new RequestContactChangeCommand(organizationId, body, this.envelopes.fromRequest(request)),
    );
    response.location(`/organizations/${organizationId}/contact-change-requests/${result.requestId}`);
    return result;
  }
}
