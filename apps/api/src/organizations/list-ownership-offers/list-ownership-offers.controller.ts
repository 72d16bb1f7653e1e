import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal } from '../../access/principal';
import { PageQueryDto } from '../../http/page-query.dto';
import { ListOwnershipOffersQuery, OwnershipOffers } from './list-ownership-offers.query';

@ApiTags('organizations')
@Controller('me/ownership-offers')
export class ListOwnershipOffersController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Allow('customer')
  @ApiOperation({ summary: 'The offers of ownership sent to my address that I can still accept (rules 2, 3)' })
  list(@Query() query: PageQueryDto, @CurrentPrincipal() principal: Principal): Promise<OwnershipOffers> {
    return this.queryBus.execute(new ListOwnershipOffersQuery(principal.tenantId!, { cursor: query.cursor, limit: query.limit }));
  }
}
