import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { subscriptionUrl } from '../command-answer';
import { PurchaseAnswer, PurchaseSubscriptionCommand } from './purchase-subscription.command';
import { PurchaseSubscriptionDto } from './purchase-subscription.dto';

@ApiTags('subscriptions')
@Controller('subscriptions')
export class PurchaseSubscriptionController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('reseller')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Buy a subscription for a customer organization you manage; offers the customer contact ownership of the organization',
  })
  @ApiResponse({ status: 404, description: 'problem codes: organization-not-found, plan-not-found, payment-method-not-found' })
  @ApiResponse({
    status: 422,
    description:
      'problem codes: reseller-email-not-verified (checked first), payment-method-required, payment-method-not-accepted, ' +
      'invoicing-enterprise-only, customer-contact-is-reseller, plan-retired, billing-period-not-offered, too-many-seats',
  })
  async purchase(
    @Body() body: PurchaseSubscriptionDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PurchaseAnswer> {
    const answer = await this.commandBus.execute(new PurchaseSubscriptionCommand(body, this.envelopes.fromRequest(request)));
    response.location(subscriptionUrl(answer.subscriptionId));
    return answer;
  }
}
