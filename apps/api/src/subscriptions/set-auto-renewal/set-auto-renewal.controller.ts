import { Body, Controller, HttpCode, Param, Put, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SubscriptionIdPipe } from '../subscription-id.pipe';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { subscriptionUrl } from '../command-answer';
import { AutoRenewalAnswer, SetAutoRenewalCommand } from './set-auto-renewal.command';
import { SetAutoRenewalDto } from './set-auto-renewal.dto';

@ApiTags('subscriptions')
@Controller('subscriptions/:subscriptionId/auto-renewal')
export class SetAutoRenewalController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  /** Seed 004: the invoice owner (the reseller) decides; setting it to what it is records nothing. */
  @Put()
  @Allow('reseller')
  @HttpCode(200)
  @ApiOperation({ summary: 'Turn auto-renewal on or off: the renewal is charged to the default payment method at term end' })
  @ApiResponse({ status: 404, description: 'problem codes: subscription-not-found' })
  @ApiResponse({ status: 422, description: 'problem codes: subscription-cancelled, subscription-expired, reseller-email-not-verified' })
  async set(
    @Param('subscriptionId', SubscriptionIdPipe) subscriptionId: string,
    @Body() body: SetAutoRenewalDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AutoRenewalAnswer> {
    const answer = await this.commandBus.execute(
      new SetAutoRenewalCommand(subscriptionId, body.enabled, this.envelopes.fromRequest(request)),
    );
    response.location(subscriptionUrl(subscriptionId));
    return answer;
  }
}
