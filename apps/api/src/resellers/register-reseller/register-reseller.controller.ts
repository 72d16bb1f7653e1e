import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { Public } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { RegisterResellerCommand, ResellerRegistration } from './register-reseller.command';
import { RegisterResellerDto } from './register-reseller.dto';

@Controller('resellers')
export class RegisterResellerController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Public()
  @HttpCode(201)
  async register(
    @Body() body: RegisterResellerDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ResellerRegistration> {
    const registration = await this.commandBus.execute(new RegisterResellerCommand(body, this.envelopes.fromRequest(request)));
    response.location(`/resellers/${registration.resellerId}`);
    return registration;
  }
}
