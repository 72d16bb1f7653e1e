import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SubscriptionIdPipe } from '../subscription-id.pipe';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { subscriptionUrl, SubscriptionCommandAnswer } from '../command-answer';
import { ChangeInvoiceOwnerCommand } from './change-invoice-owner.command';
import { ChangeInvoiceOwnerDto } from './change-invoice-owner.dto';

@ApiTags('subscriptions')
@Controller('subscriptions/:subscriptionId/invoice-owner')
export class ChangeInvoiceOwnerController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('support')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Support decision: invoices go to another reseller, or to the organization itself, from a date on, with a reason',
  })
  @ApiResponse({ status: 404, description: 'problem codes: subscription-not-found, reseller-not-found' })
  @ApiResponse({
    status: 422,
    description:
      'problem codes: invoice-owner-unchanged, effective-before-purchase, effective-after-paid-time, reseller-email-not-verified',
  })
  async change(
    @Param('subscriptionId', SubscriptionIdPipe) subscriptionId: string,
    @Body() body: ChangeInvoiceOwnerDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubscriptionCommandAnswer> {
    const answer = await this.commandBus.execute(new ChangeInvoiceOwnerCommand(subscriptionId, body, this.envelopes.fromRequest(request)));
    response.location(subscriptionUrl(subscriptionId));
    return answer;
  }
}
