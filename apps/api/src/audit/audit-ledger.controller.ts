import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InvoiceOwnerFromLog, Replay, SubjectKind } from '@channel-ledger/application';
import { Allow } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import { Principal } from '../access/principal';
import { InvoiceOwnerFromLogQueryDto, TimeAxesQueryDto } from './audit-ledger.dto';
import { InvoiceOwnerFromLogResponse, ReplayResponse, StateAsOfResponse } from './audit-ledger.responses';
import { InvoiceOwnerFromLogQuery } from './invoice-owner/invoice-owner-from-log.query';
import { ReplayQuery, StateAsOf, StateAsOfQuery } from './replay/replay.query';

const REPLAY =
  'Each event known at asKnownAt and in force on asOf, with actor, on-behalf-of, both times, a sentence and the state after it; later-dated events are listed apart.';
const STATE = 'What was true on asOf (business time), as the ledger knew it at asKnownAt (recorded time).';

/**
 * The auditor's replay over HTTP, read from the log itself (not from a read model), on both time
 * axes. Read-only: support and auditors only.
 */
@ApiTags('audit: replay')
@Controller('audit')
@Allow('auditor', 'support')
export class AuditLedgerController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('subscriptions/:subscriptionId/replay')
  @ApiOperation({ summary: "A subscription's replay as of a business date, as known at a time", description: REPLAY })
  @ApiOkResponse({ type: ReplayResponse })
  subscriptionReplay(
    @Param('subscriptionId') id: string,
    @Query() axes: TimeAxesQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Replay> {
    return this.replay('subscription', id, axes, viewer);
  }

  @Get('organizations/:organizationId/replay')
  @ApiOperation({ summary: "An organization's replay as of a business date, as known at a time", description: REPLAY })
  @ApiOkResponse({ type: ReplayResponse })
  organizationReplay(
    @Param('organizationId') id: string,
    @Query() axes: TimeAxesQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Replay> {
    return this.replay('organization', id, axes, viewer);
  }

  @Get('resellers/:resellerId/replay')
  @ApiOperation({ summary: "A reseller's replay as of a business date, as known at a time", description: REPLAY })
  @ApiOkResponse({ type: ReplayResponse })
  resellerReplay(@Param('resellerId') id: string, @Query() axes: TimeAxesQueryDto, @CurrentPrincipal() viewer: Principal): Promise<Replay> {
    return this.replay('reseller', id, axes, viewer);
  }

  @Get('subscriptions/:subscriptionId/state')
  @ApiOperation({ summary: 'A subscription as of a business date, as known at a time', description: STATE })
  @ApiOkResponse({ type: StateAsOfResponse })
  subscriptionState(
    @Param('subscriptionId') id: string,
    @Query() axes: TimeAxesQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<StateAsOf> {
    return this.state('subscription', id, axes, viewer);
  }

  @Get('organizations/:organizationId/state')
  @ApiOperation({ summary: 'An organization as of a business date, as known at a time', description: STATE })
  @ApiOkResponse({ type: StateAsOfResponse })
  organizationState(
    @Param('organizationId') id: string,
    @Query() axes: TimeAxesQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<StateAsOf> {
    return this.state('organization', id, axes, viewer);
  }

  @Get('resellers/:resellerId/state')
  @ApiOperation({ summary: 'A reseller as of a business date, as known at a time', description: STATE })
  @ApiOkResponse({ type: StateAsOfResponse })
  resellerState(
    @Param('resellerId') id: string,
    @Query() axes: TimeAxesQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<StateAsOf> {
    return this.state('reseller', id, axes, viewer);
  }

  @Get('subscriptions/:subscriptionId/invoice-owner/from-log')
  @ApiOperation({
    summary: 'Who was the invoice owner on date D, as known at T: since when, through which channel, and the events that made it so',
  })
  @ApiOkResponse({ type: InvoiceOwnerFromLogResponse })
  invoiceOwner(
    @Param('subscriptionId') id: string,
    @Query() query: InvoiceOwnerFromLogQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<InvoiceOwnerFromLog> {
    return this.queryBus.execute(new InvoiceOwnerFromLogQuery(id, query.at, query.asKnownAt, viewer));
  }

  private replay(kind: SubjectKind, id: string, axes: TimeAxesQueryDto, viewer: Principal): Promise<Replay> {
    return this.queryBus.execute(new ReplayQuery({ kind, id }, axes, viewer));
  }

  private state(kind: SubjectKind, id: string, axes: TimeAxesQueryDto, viewer: Principal): Promise<StateAsOf> {
    return this.queryBus.execute(new StateAsOfQuery({ kind, id }, axes, viewer));
  }
}
