import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import {
  resellerCustomer,
  resellerCustomers,
  resellerIssuanceRights,
  resellerLicenses,
  resellerSubscriptions,
  transferStatusAt,
} from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal } from '../../access/principal';
import { requireReadable } from '../../access/tenancy';
import { notVisible } from '../../http/not-visible';
import { PageQueryDto } from '../../http/page-query.dto';
import { CLOCK, Clock } from '../../infrastructure/clock';
import { READ_STORE } from '../../infrastructure/read-store.provider';
import { ResellerLicensesQueryDto, ResellerSubscriptionsQueryDto } from './reseller-view.dto';

/**
 * The reseller's own book: its customers, their subscriptions, its issuance rights and licenses.
 * Read from the reseller-view projection; a reseller only ever reads under its own id.
 */
@Controller('resellers/:resellerId')
@Allow('reseller', 'support', 'auditor')
export class ResellerViewController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('customers')
  async customers(@Param('resellerId') resellerId: string, @Query() query: PageQueryDto, @CurrentPrincipal() principal: Principal) {
    requireReadable(principal, 'reseller', resellerId, 'reseller');
    const page = await resellerCustomers(this.readStore, resellerId, query);
    const now = this.clock.now().toISOString();
    // Whether a pending transfer has lapsed depends on now, which a projection cannot know.
    return { ...page, items: page.items.map((c) => ({ ...c, transferStatus: transferStatusAt(c, now) })) };
  }

  @Get('customers/:organizationId')
  async customer(@Param('resellerId') resellerId: string, @Param('organizationId') organizationId: string, @CurrentPrincipal() principal: Principal) {
    requireReadable(principal, 'reseller', resellerId, 'reseller');
    const customer = await resellerCustomer(this.readStore, resellerId, organizationId);
    if (!customer) throw notVisible('customer organization', organizationId);
    const subscriptions = await resellerSubscriptions(this.readStore, resellerId, { organizationId, limit: 1000 });
    return { ...customer, transferStatus: transferStatusAt(customer, this.clock.now().toISOString()), subscriptions: subscriptions.items };
  }

  @Get('subscriptions')
  subscriptions(@Param('resellerId') resellerId: string, @Query() query: ResellerSubscriptionsQueryDto, @CurrentPrincipal() principal: Principal) {
    requireReadable(principal, 'reseller', resellerId, 'reseller');
    return resellerSubscriptions(this.readStore, resellerId, query);
  }

  @Get('issuance-rights')
  issuanceRights(@Param('resellerId') resellerId: string, @Query() query: PageQueryDto, @CurrentPrincipal() principal: Principal) {
    requireReadable(principal, 'reseller', resellerId, 'reseller');
    return resellerIssuanceRights(this.readStore, resellerId, query);
  }

  @Get('licenses')
  licenses(@Param('resellerId') resellerId: string, @Query() query: ResellerLicensesQueryDto, @CurrentPrincipal() principal: Principal) {
    requireReadable(principal, 'reseller', resellerId, 'reseller');
    return resellerLicenses(this.readStore, resellerId, query);
  }
}
