import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SubscriptionIdPipe } from '../subscription-id.pipe';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { subscriptionUrl } from '../command-answer';
import { DirectPurchaseAnswer, RecordDirectPurchaseCommand } from './record-direct-purchase.command';
import { RecordDirectPurchaseDto } from './record-direct-purchase.dto';

@ApiTags('subscriptions')
@Controller('subscriptions/:subscriptionId/direct-purchase')
export class RecordDirectPurchaseController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('customer')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Buy directly from the vendor after a reseller purchase: a new subscription, nothing carried over (rule 11)',
  })
  @ApiResponse({ status: 201, description: 'Location: the new subscription' })
  @ApiResponse({ status: 404, description: 'problem codes: subscription-not-found, plan-not-found' })
  @ApiResponse({
    status: 422,
    description:
      'problem codes: previous-subscription-not-through-reseller, invoicing-enterprise-only, plan-retired, billing-period-not-offered',
  })
  async purchase(
    @Param('subscriptionId', SubscriptionIdPipe) subscriptionId: string,
    @Body() body: RecordDirectPurchaseDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DirectPurchaseAnswer> {
    const answer = await this.commandBus.execute(
      new RecordDirectPurchaseCommand(subscriptionId, body, this.envelopes.fromRequest(request)),
    );
    response.location(subscriptionUrl(answer.subscriptionId));
    return answer;
  }
}
