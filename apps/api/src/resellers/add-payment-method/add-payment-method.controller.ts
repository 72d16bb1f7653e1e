import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { AddPaymentMethodCommand, PaymentMethodAnswer } from './add-payment-method.command';
import { AddPaymentMethodDto } from './add-payment-method.dto';

@ApiTags('resellers')
@Controller('resellers/:resellerId/payment-methods')
export class AddPaymentMethodController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('reseller')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a payment method (card, PayPal, ACH; invoice for Enterprise); the first one becomes the default' })
  @ApiResponse({ status: 404, description: 'problem codes: reseller-not-found (also for another reseller)' })
  @ApiResponse({ status: 422, description: 'problem codes: reseller-email-not-verified' })
  async add(
    @Param('resellerId', new ParseUUIDPipe()) resellerId: string,
    @Body() body: AddPaymentMethodDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PaymentMethodAnswer> {
    const answer = await this.commandBus.execute(new AddPaymentMethodCommand(resellerId, body, this.envelopes.fromRequest(request)));
    // A payment method has no page of its own; it is listed on the reseller.
    response.location(`/resellers/${resellerId}`);
    return answer;
  }
}
