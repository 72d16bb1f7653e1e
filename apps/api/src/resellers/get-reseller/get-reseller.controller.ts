import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal } from '../../access/principal';
import { GetResellerQuery, ResellerProfile } from './get-reseller.query';
import { ResellerProfileResponse } from './get-reseller.response';

@ApiTags('resellers')
@Controller('resellers/:resellerId')
export class GetResellerController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Allow('reseller', 'support', 'auditor')
  @ApiOperation({ summary: "A reseller's profile: company, verification status, payment methods" })
  @ApiOkResponse({ type: ResellerProfileResponse })
  @ApiNotFoundResponse({ description: "problem codes: reseller-not-found (another reseller's profile looks like a missing one)" })
  get(@Param('resellerId', new ParseUUIDPipe()) resellerId: string, @CurrentPrincipal() principal: Principal): Promise<ResellerProfile> {
    return this.queryBus.execute(new GetResellerQuery(resellerId, principal));
  }
}
