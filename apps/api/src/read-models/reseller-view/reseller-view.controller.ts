import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, PublicCustomer, ResellerIssuanceRight, ResellerLicense, ResellerSubscription } from '@channel-ledger/projections';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal } from '../../access/principal';
import { PageQueryDto } from '../../http/page-query.dto';
import { ApiPage } from '../shared/api-page';
import { ResellerCustomerItem } from './customer-item';
import { PublicCustomersQuery } from './public-customers/public-customers.query';
import { ResellerCustomerDetail, ResellerCustomerQuery } from './reseller-customer/reseller-customer.query';
import { ResellerCustomersQuery } from './reseller-customers/reseller-customers.query';
import { ResellerIssuanceRightsQuery } from './reseller-issuance-rights/reseller-issuance-rights.query';
import { ResellerLicensesQuery } from './reseller-licenses/reseller-licenses.query';
import { ResellerSubscriptionsQuery } from './reseller-subscriptions/reseller-subscriptions.query';
import {
  PublicCustomersQueryDto,
  ResellerCustomersQueryDto,
  ResellerLicensesQueryDto,
  ResellerSubscriptionsQueryDto,
} from './reseller-view.dto';
import {
  PublicCustomerResponse,
  ResellerCustomerDetailResponse,
  ResellerCustomerResponse,
  ResellerIssuanceRightResponse,
  ResellerLicenseResponse,
  ResellerSubscriptionResponse,
} from './reseller-view.responses';

/**
 * The reseller's own book: its customers, their subscriptions, its issuance rights and licenses,
 * and the public customers it may issue licenses to. A reseller reads only under its own id;
 * support and auditors read any reseller's.
 */
@ApiTags('reseller view')
@ApiNotFoundResponse({ description: "problem codes: reseller-not-found (another reseller's book looks like a missing one)" })
@Controller('resellers/:resellerId')
@Allow('reseller', 'support', 'auditor')
export class ResellerViewController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('customers')
  @ApiOperation({ summary: "The reseller's customers by name, searchable by name prefix and ownership status" })
  @ApiPage(ResellerCustomerResponse, 'A page of customers, in case-insensitive name order (transfer-pending: soonest deadline first).')
  customers(
    @Param('resellerId') resellerId: string,
    @Query() query: ResellerCustomersQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<ResellerCustomerItem>> {
    return this.queryBus.execute(new ResellerCustomersQuery(resellerId, query, principal));
  }

  @Get('customers/:organizationId')
  @ApiOperation({ summary: 'One customer of the reseller, with its subscriptions' })
  @ApiOkResponse({ type: ResellerCustomerDetailResponse })
  @ApiNotFoundResponse({
    description: "problem codes: reseller-not-found, customer-organization-not-found (another reseller's customer included)",
  })
  customer(
    @Param('resellerId') resellerId: string,
    @Param('organizationId') organizationId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResellerCustomerDetail> {
    return this.queryBus.execute(new ResellerCustomerQuery(resellerId, organizationId, principal));
  }

  @Get('subscriptions')
  @ApiOperation({ summary: "The reseller's subscriptions, by customer, status and renewal date window" })
  @ApiPage(ResellerSubscriptionResponse, 'A page of subscriptions: in id order, or soonest renewal first when a renewal window is given.')
  subscriptions(
    @Param('resellerId') resellerId: string,
    @Query() query: ResellerSubscriptionsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<ResellerSubscription>> {
    return this.queryBus.execute(new ResellerSubscriptionsQuery(resellerId, query, principal));
  }

  @Get('issuance-rights')
  @ApiOperation({ summary: "The reseller's license issuance rights, with what remains of each (rule 12)" })
  @ApiPage(ResellerIssuanceRightResponse, 'A page of issuance rights.')
  issuanceRights(
    @Param('resellerId') resellerId: string,
    @Query() query: PageQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<ResellerIssuanceRight>> {
    return this.queryBus.execute(new ResellerIssuanceRightsQuery(resellerId, query, principal));
  }

  @Get('licenses')
  @ApiOperation({ summary: 'The licenses the reseller issued, by customer and status' })
  @ApiPage(ResellerLicenseResponse, 'A page of licenses.')
  licenses(
    @Param('resellerId') resellerId: string,
    @Query() query: ResellerLicensesQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<ResellerLicense>> {
    return this.queryBus.execute(new ResellerLicensesQuery(resellerId, query, principal));
  }

  @Get('public-customers')
  @ApiOperation({
    summary: "Other resellers' public customers the reseller may issue licenses to (rule 13)",
    description:
      'The public customers of the vendors the reseller holds a usable issuance right of (not blocked, not expired), managed by ' +
      'other resellers. Only their id, vendor and name: they are visible for license issuance only.',
  })
  @ApiPage(PublicCustomerResponse, 'A page of public customers, vendor by vendor, by name.')
  publicCustomers(
    @Param('resellerId') resellerId: string,
    @Query() query: PublicCustomersQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<PublicCustomer>> {
    return this.queryBus.execute(new PublicCustomersQuery(resellerId, query, principal));
  }
}
