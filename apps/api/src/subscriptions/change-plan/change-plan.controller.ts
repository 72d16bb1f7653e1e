import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SubscriptionIdPipe } from '../subscription-id.pipe';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { ChargeAnswer, subscriptionUrl } from '../command-answer';
import { ChangePlanCommand } from './change-plan.command';
import { ChangePlanDto } from './change-plan.dto';

@ApiTags('subscriptions')
@Controller('subscriptions/:subscriptionId/plan-change')
export class ChangePlanController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('reseller', 'customer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Upgrade to another plan now: the invoice credits the old plan and charges the new one for the days left' })
  @ApiResponse({ status: 404, description: 'problem codes: subscription-not-found, plan-not-found, payment-method-not-found' })
  @ApiResponse({
    status: 422,
    description:
      'problem codes: same-plan, downgrade-at-renewal-only, currency-mismatch, billing-period-not-offered, plan-retired, invoicing-enterprise-only',
  })
  async change(
    @Param('subscriptionId', SubscriptionIdPipe) subscriptionId: string,
    @Body() body: ChangePlanDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ChargeAnswer> {
    const answer = await this.commandBus.execute(new ChangePlanCommand(subscriptionId, body, this.envelopes.fromRequest(request)));
    response.location(subscriptionUrl(subscriptionId));
    return answer;
  }
}
