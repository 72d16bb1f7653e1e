import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SubscriptionIdPipe } from '../subscription-id.pipe';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { ChargeAnswer, subscriptionUrl } from '../command-answer';
import { RenewSubscriptionCommand } from './renew-subscription.command';
import { RenewSubscriptionDto } from './renew-subscription.dto';

@ApiTags('subscriptions')
@Controller('subscriptions/:subscriptionId/renewal')
export class RenewSubscriptionController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('reseller', 'customer')
  @HttpCode(200)
  @ApiOperation({ summary: "Renew for the next period (anchored on the first purchase) at today's price, as the renewal quote said" })
  @ApiResponse({ status: 404, description: 'problem codes: subscription-not-found, plan-not-found, payment-method-not-found' })
  @ApiResponse({
    status: 422,
    description:
      'problem codes: already-renewed, subscription-cancelled, subscription-expired, unassign-seats-first, plan-retired, too-many-seats',
  })
  async renew(
    @Param('subscriptionId', SubscriptionIdPipe) subscriptionId: string,
    @Body() body: RenewSubscriptionDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ChargeAnswer> {
    const answer = await this.commandBus.execute(new RenewSubscriptionCommand(subscriptionId, body, this.envelopes.fromRequest(request)));
    response.location(subscriptionUrl(subscriptionId));
    return answer;
  }
}
