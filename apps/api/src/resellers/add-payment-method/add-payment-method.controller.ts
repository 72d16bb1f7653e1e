import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request } from 'express';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { AddPaymentMethodCommand } from './add-payment-method.command';
import { AddPaymentMethodDto } from './add-payment-method.dto';

@Controller('resellers/:resellerId/payment-methods')
export class AddPaymentMethodController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('reseller')
  @HttpCode(201)
  add(
    @Param('resellerId', new ParseUUIDPipe()) resellerId: string,
    @Body() body: AddPaymentMethodDto,
    @Req() request: Request,
  ): Promise<{ paymentMethodId: string }> {
    return this.commandBus.execute(new AddPaymentMethodCommand(resellerId, body, this.envelopes.fromRequest(request)));
  }
}
