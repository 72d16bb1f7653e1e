import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { customerOrganization, customerOrganizationFor, customerOrganizationsOf, openTransferAt } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal, readsEverything } from '../../access/principal';
import { notVisible } from '../../http/not-visible';
import { PageQueryDto } from '../../http/page-query.dto';
import { CLOCK, Clock } from '../../infrastructure/clock';
import { READ_STORE } from '../../infrastructure/read-store.provider';

/**
 * The customer's read-only view of its organization (rule 8): subscriptions, seats, term,
 * licenses, contacts, who it was bought through. It carries no prices and no invoices.
 * A customer is identified by the address it signed in with.
 */
@Controller()
export class CustomerViewController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('me/organizations')
  @Allow('customer')
  mine(@Query() query: PageQueryDto, @CurrentPrincipal() principal: Principal) {
    return customerOrganizationsOf(this.readStore, principal.tenantId!, query);
  }

  @Get('organizations/:organizationId')
  @Allow('customer', 'support', 'auditor')
  async organization(@Param('organizationId') organizationId: string, @CurrentPrincipal() principal: Principal) {
    const document =
      principal.role === 'customer'
        ? await customerOrganizationFor(this.readStore, organizationId, principal.tenantId!)
        : readsEverything(principal)
          ? await customerOrganization(this.readStore, organizationId)
          : null;
    if (!document) throw notVisible('organization', organizationId);
    return { ...document, pendingTransfer: openTransferAt(document, this.clock.now().toISOString()) };
  }
}
