import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Put, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { PaymentMethodAnswer } from '../add-payment-method/add-payment-method.command';
import { SetDefaultPaymentMethodCommand } from './set-default-payment-method.command';
import { SetDefaultPaymentMethodDto } from './set-default-payment-method.dto';

@ApiTags('resellers')
@Controller('resellers/:resellerId/default-payment-method')
export class SetDefaultPaymentMethodController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Put()
  @Allow('reseller')
  @HttpCode(200)
  @ApiOperation({ summary: 'Choose the payment method renewals and purchases naming none are charged to' })
  @ApiResponse({ status: 404, description: 'problem codes: reseller-not-found, payment-method-not-found' })
  @ApiResponse({ status: 422, description: 'problem codes: reseller-email-not-verified' })
  async setDefault(
    @Param('resellerId', new ParseUUIDPipe()) resellerId: string,
    @Body() body: SetDefaultPaymentMethodDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PaymentMethodAnswer> {
    const command = new SetDefaultPaymentMethodCommand(resellerId, body.paymentMethodId, this.envelopes.fromRequest(request));
    const answer = await this.commandBus.execute(command);
    response.location(`/resellers/${resellerId}`);
    return answer;
  }
}
