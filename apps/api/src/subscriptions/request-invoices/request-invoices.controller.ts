import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { SubscriptionIdPipe } from '../subscription-id.pipe';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { InvoiceCopies, RequestInvoicesQuery } from './request-invoices.query';

@ApiTags('subscriptions')
@Controller('subscriptions/:subscriptionId/invoice-requests')
export class RequestInvoicesController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('customer')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "A customer asks for its invoices: refused, naming the reseller, while a reseller owns them (rules 7, 8); the organization's own invoices otherwise",
  })
  @ApiResponse({
    status: 404,
    description: 'problem codes: subscription-not-found (also for a subscription of an organization you are not part of)',
  })
  @ApiResponse({ status: 422, description: 'problem codes: invoices-issued-by-reseller' })
  request(@Param('subscriptionId', SubscriptionIdPipe) subscriptionId: string, @Req() request: Request): Promise<InvoiceCopies> {
    return this.queryBus.execute(new RequestInvoicesQuery(subscriptionId, this.envelopes.fromRequest(request)));
  }
}
