import { Controller, Delete, HttpCode, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { PaymentMethodAnswer } from '../add-payment-method/add-payment-method.command';
import { RemovePaymentMethodCommand } from './remove-payment-method.command';

@ApiTags('resellers')
@Controller('resellers/:resellerId/payment-methods/:paymentMethodId')
export class RemovePaymentMethodController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Delete()
  @Allow('reseller')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove a payment method; it is never charged again. The default goes only when it is the last one' })
  @ApiResponse({ status: 404, description: 'problem codes: reseller-not-found, payment-method-not-found' })
  @ApiResponse({ status: 422, description: 'problem codes: default-payment-method-in-use, reseller-email-not-verified' })
  remove(
    @Param('resellerId', new ParseUUIDPipe()) resellerId: string,
    @Param('paymentMethodId', new ParseUUIDPipe()) paymentMethodId: string,
    @Req() request: Request,
  ): Promise<PaymentMethodAnswer> {
    return this.commandBus.execute(new RemovePaymentMethodCommand(resellerId, paymentMethodId, this.envelopes.fromRequest(request)));
  }
}
