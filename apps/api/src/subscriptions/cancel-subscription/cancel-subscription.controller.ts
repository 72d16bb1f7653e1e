import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SubscriptionIdPipe } from '../subscription-id.pipe';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { subscriptionUrl } from '../command-answer';
import { CancellationAnswer, CancelSubscriptionCommand } from './cancel-subscription.command';
import { CancelSubscriptionDto } from './cancel-subscription.dto';

@ApiTags('subscriptions')
@Controller('subscriptions/:subscriptionId/cancellation')
export class CancelSubscriptionController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  /** Support may cancel too (a decision of its own, on the customer's behalf). */
  @Post()
  @Allow('reseller', 'customer', 'support')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel at the end of the paid period: no renewal, no refund, seats usable until then' })
  @ApiResponse({ status: 404, description: 'problem codes: subscription-not-found' })
  @ApiResponse({ status: 422, description: 'problem codes: already-cancelled, subscription-expired' })
  async cancel(
    @Param('subscriptionId', SubscriptionIdPipe) subscriptionId: string,
    @Body() body: CancelSubscriptionDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CancellationAnswer> {
    const answer = await this.commandBus.execute(new CancelSubscriptionCommand(subscriptionId, body, this.envelopes.fromRequest(request)));
    response.location(subscriptionUrl(subscriptionId));
    return answer;
  }
}
