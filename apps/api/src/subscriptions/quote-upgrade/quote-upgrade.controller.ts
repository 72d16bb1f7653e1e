import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { UpgradeQuote } from '@channel-ledger/domain';
import { SubscriptionIdPipe } from '../subscription-id.pipe';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { QuoteUpgradeDto } from './quote-upgrade.dto';
import { QuoteUpgradeQuery } from './quote-upgrade.query';

@ApiTags('subscriptions')
@Controller('subscriptions/:subscriptionId/upgrade-quotes')
export class QuoteUpgradeController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  /** A POST because the question has a body; nothing is created or recorded (200, no Location). */
  @Post()
  @Allow('reseller', 'customer', 'support')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Quote an upgrade (more seats and/or another plan) from current state; what the purchase charges at the same moment (rule 5)',
  })
  @ApiResponse({ status: 404, description: 'problem codes: subscription-not-found, plan-not-found' })
  @ApiResponse({
    status: 422,
    description: 'problem codes: customer-is-read-only, same-plan, downgrade-at-renewal-only, subscription-cancelled',
  })
  quote(
    @Param('subscriptionId', SubscriptionIdPipe) subscriptionId: string,
    @Body() body: QuoteUpgradeDto,
    @Req() request: Request,
  ): Promise<UpgradeQuote> {
    return this.queryBus.execute(new QuoteUpgradeQuery(subscriptionId, body, this.envelopes.fromRequest(request)));
  }
}
