import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { actingPartyOf, Principal } from '../../access/principal';
import { GetLicenseQuery, LicenseView } from './get-license.query';

@ApiTags('licenses')
@Controller('licenses/:licenseId')
export class GetLicenseController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Allow('reseller', 'customer', 'support')
  @ApiOperation({ summary: 'A license, for the issuing reseller, the linked customer (owner or administrators) and support' })
  @ApiResponse({ status: 404, description: 'problem codes: license-not-found' })
  get(@Param('licenseId') licenseId: string, @CurrentPrincipal() principal: Principal): Promise<LicenseView> {
    return this.queryBus.execute(new GetLicenseQuery(licenseId, actingPartyOf(principal)));
  }
}
