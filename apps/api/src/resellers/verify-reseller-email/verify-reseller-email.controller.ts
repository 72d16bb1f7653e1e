import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request } from 'express';
import { Public } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { ResellerVerification, VerifyResellerEmailCommand } from './verify-reseller-email.command';
import { VerifyResellerEmailDto } from './verify-reseller-email.dto';

@Controller('resellers/:resellerId/email-verification')
export class VerifyResellerEmailController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  /** The token is the credential here: whoever holds the link sent to the address may verify it. */
  @Post()
  @Public()
  @HttpCode(200)
  verify(
    @Param('resellerId', new ParseUUIDPipe()) resellerId: string,
    @Body() body: VerifyResellerEmailDto,
    @Req() request: Request,
  ): Promise<ResellerVerification> {
    return this.commandBus.execute(new VerifyResellerEmailCommand(resellerId, body.token, this.envelopes.fromRequest(request)));
  }
}
