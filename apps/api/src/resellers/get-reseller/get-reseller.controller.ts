import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal } from '../../access/principal';
import { GetResellerQuery, ResellerProfile } from './get-reseller.query';

@Controller('resellers/:resellerId')
export class GetResellerController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Allow('reseller', 'support', 'auditor')
  get(@Param('resellerId', new ParseUUIDPipe()) resellerId: string, @CurrentPrincipal() principal: Principal): Promise<ResellerProfile> {
    return this.queryBus.execute(new GetResellerQuery(resellerId, principal));
  }
}
