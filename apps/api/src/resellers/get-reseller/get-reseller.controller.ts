import { Controller, Get, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request } from 'express';
import { readActor } from '../../http/command-envelope.factory';
import { GetResellerQuery, ResellerProfile } from './get-reseller.query';

@Controller('resellers/:resellerId')
export class GetResellerController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  get(@Param('resellerId', new ParseUUIDPipe()) resellerId: string, @Req() request: Request): Promise<ResellerProfile> {
    return this.queryBus.execute(new GetResellerQuery(resellerId, readActor(request)));
  }
}
