import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { RenewalQuote } from '@channel-ledger/domain';
import { SubscriptionIdPipe } from '../subscription-id.pipe';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { QuoteRenewalDto } from './quote-renewal.dto';
import { QuoteRenewalQuery } from './quote-renewal.query';

@ApiTags('subscriptions')
@Controller('subscriptions/:subscriptionId/renewal-quote')
export class QuoteRenewalController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Get()
  @Allow('reseller', 'customer', 'support')
  @ApiOperation({ summary: "The renewal quote: annual total and next charge date, at today's catalog price (rule 5)" })
  @ApiResponse({ status: 404, description: 'problem codes: subscription-not-found, plan-not-found' })
  @ApiResponse({ status: 422, description: 'problem codes: customer-is-read-only, already-renewed, subscription-cancelled, plan-retired' })
  quote(
    @Param('subscriptionId', SubscriptionIdPipe) subscriptionId: string,
    @Query() query: QuoteRenewalDto,
    @Req() request: Request,
  ): Promise<RenewalQuote> {
    return this.queryBus.execute(new QuoteRenewalQuery(subscriptionId, query, this.envelopes.fromRequest(request)));
  }
}
