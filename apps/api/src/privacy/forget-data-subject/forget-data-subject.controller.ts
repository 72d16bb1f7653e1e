import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { ForgetDataSubjectCommand } from './forget-data-subject.command';
import { ForgetDataSubjectDto, ForgetDataSubjectResult } from './forget-data-subject.dto';

@ApiTags('privacy')
@Controller('privacy/forgotten-people')
export class ForgetDataSubjectController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('support')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Support forgets a person: their key is deleted, so their personal fields read as "[erased]" everywhere (financial history stays)',
  })
  @ApiResponse({ status: 200, type: ForgetDataSubjectResult })
  @ApiResponse({ status: 422, description: 'problem codes: reason-required' })
  forget(@Body() body: ForgetDataSubjectDto, @Req() request: Request): Promise<ForgetDataSubjectResult> {
    return this.commandBus.execute(new ForgetDataSubjectCommand(body, this.envelopes.fromRequest(request)));
  }
}
