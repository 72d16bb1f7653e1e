import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page } from '@channel-ledger/projections';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal } from '../../access/principal';
import { PageQueryDto } from '../../http/page-query.dto';
import { ApiPage } from '../shared/api-page';
import { CustomerOrganizationQuery } from './customer-organization/customer-organization.query';
import { CustomerOrganizationResponse, MyOrganizationResponse } from './customer-view.responses';
import { MyOrganization, MyOrganizationsQuery } from './my-organizations/my-organizations.query';
import { CustomerOrganizationView } from './organization-view';

/**
 * The customer's read-only view of its organization (rule 8): subscriptions, seats, term,
 * licenses to download, contacts, who it was bought through. It carries no prices and no invoices.
 * A customer is identified by the address it signed in with.
 */
@ApiTags('customer view')
@Controller()
export class CustomerViewController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('me/organizations')
  @Allow('customer')
  @ApiOperation({ summary: 'The organizations the signed-in customer owns or administers, each with its read-only view' })
  @ApiPage(MyOrganizationResponse, 'A page of organizations (one entry per role held).')
  mine(@Query() query: PageQueryDto, @CurrentPrincipal() principal: Principal): Promise<Page<MyOrganization>> {
    return this.queryBus.execute(new MyOrganizationsQuery(query, principal));
  }

  @Get('organizations/:organizationId')
  @Allow('customer', 'support', 'auditor')
  @ApiOperation({ summary: "An organization's read-only view: subscriptions, seats, term, licenses, contacts, who it was bought through" })
  @ApiOkResponse({ type: CustomerOrganizationResponse })
  @ApiNotFoundResponse({
    description: 'problem codes: organization-not-found (also for an organization the customer neither owns nor administers)',
  })
  organization(
    @Param('organizationId') organizationId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CustomerOrganizationView> {
    return this.queryBus.execute(new CustomerOrganizationQuery(organizationId, principal));
  }
}
