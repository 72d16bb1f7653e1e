import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SubscriptionIdPipe } from '../subscription-id.pipe';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { ChargeAnswer, subscriptionUrl } from '../command-answer';
import { AddSeatsCommand } from './add-seats.command';
import { AddSeatsDto } from './add-seats.dto';

@ApiTags('subscriptions')
@Controller('subscriptions/:subscriptionId/seats')
export class AddSeatsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('reseller', 'customer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add seats mid-term: usable at once, invoiced prorated exactly as the upgrade quote said (rules 4, 5)' })
  @ApiResponse({ status: 404, description: 'problem codes: subscription-not-found, payment-method-not-found' })
  @ApiResponse({
    status: 422,
    description: 'problem codes: subscription-cancelled, subscription-expired, too-many-seats, payment-method-required',
  })
  async add(
    @Param('subscriptionId', SubscriptionIdPipe) subscriptionId: string,
    @Body() body: AddSeatsDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ChargeAnswer> {
    const answer = await this.commandBus.execute(new AddSeatsCommand(subscriptionId, body, this.envelopes.fromRequest(request)));
    response.location(subscriptionUrl(subscriptionId));
    return answer;
  }
}
