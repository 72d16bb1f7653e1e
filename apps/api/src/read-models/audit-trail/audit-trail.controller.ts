import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditPage } from '@channel-ledger/projections';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal } from '../../access/principal';
import { ApiPage } from '../shared/api-page';
import { AuditTrailQuery } from './audit-trail/audit-trail.query';
import { AuditTrailQueryDto, InvoiceOwnerQueryDto } from './audit-trail.dto';
import { AuditEntryResponse, InvoiceOwnerAnswerResponse, InvoiceOwnerHistoryResponse } from './audit-trail.responses';
import { InvoiceOwnerAnswer, InvoiceOwnerAtQuery } from './invoice-owner-at/invoice-owner-at.query';
import { InvoiceOwnerHistory, InvoiceOwnerHistoryQuery } from './invoice-owner-history/invoice-owner-history.query';

const TRAIL = 'A page of events with actor, channel and a sentence: in log order, or in business-time order when from/to is given.';

/** Support and auditors: every event of a subscription or organization, and invoice ownership over time. */
@ApiTags('audit trail')
@Controller('audit')
@Allow('support', 'auditor')
export class AuditTrailController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('subscriptions/:subscriptionId/events')
  @ApiOperation({ summary: "A subscription's history, optionally within a date range" })
  @ApiPage(AuditEntryResponse, TRAIL)
  subscriptionTrail(
    @Param('subscriptionId') subscriptionId: string,
    @Query() query: AuditTrailQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AuditPage> {
    return this.queryBus.execute(new AuditTrailQuery({ kind: 'subscription', id: subscriptionId }, query, principal));
  }

  @Get('organizations/:organizationId/events')
  @ApiOperation({ summary: "An organization's history (its subscriptions' and licenses' included), optionally within a date range" })
  @ApiPage(AuditEntryResponse, TRAIL)
  organizationTrail(
    @Param('organizationId') organizationId: string,
    @Query() query: AuditTrailQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AuditPage> {
    return this.queryBus.execute(new AuditTrailQuery({ kind: 'organization', id: organizationId }, query, principal));
  }

  @Get('subscriptions/:subscriptionId/invoice-owner')
  @ApiOperation({ summary: 'Who was the invoice owner of this subscription on date D? (one indexed lookup)' })
  @ApiOkResponse({ type: InvoiceOwnerAnswerResponse })
  invoiceOwner(
    @Param('subscriptionId') subscriptionId: string,
    @Query() query: InvoiceOwnerQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InvoiceOwnerAnswer> {
    return this.queryBus.execute(new InvoiceOwnerAtQuery(subscriptionId, query.at, principal));
  }

  @Get('subscriptions/:subscriptionId/invoice-owners')
  @ApiOperation({ summary: 'Every invoice owner of this subscription over time, oldest first' })
  @ApiOkResponse({ type: InvoiceOwnerHistoryResponse })
  invoiceOwners(@Param('subscriptionId') subscriptionId: string, @CurrentPrincipal() principal: Principal): Promise<InvoiceOwnerHistory> {
    return this.queryBus.execute(new InvoiceOwnerHistoryQuery(subscriptionId, principal));
  }
}
