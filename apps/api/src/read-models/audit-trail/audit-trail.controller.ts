import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { auditTrailOfOrganization, auditTrailOfSubscription, invoiceOwnerAt, invoiceOwnerHistory } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { readActor } from '../../http/command-envelope.factory';
import { requireActor } from '../../http/require-actor';
import { READ_STORE } from '../../infrastructure/read-store.provider';
import { AuditTrailQueryDto, InvoiceOwnerQueryDto } from './audit-trail.dto';

/** Support and auditors: every event of a subscription or organization, and invoice ownership over time. */
@Controller('audit')
export class AuditTrailController {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  @Get('subscriptions/:subscriptionId/events')
  subscriptionTrail(@Param('subscriptionId') subscriptionId: string, @Query() query: AuditTrailQueryDto, @Req() request: Request) {
    requireActor(readActor(request), ['support', 'auditor'], 'audit trail');
    return auditTrailOfSubscription(this.readStore, subscriptionId, query);
  }

  @Get('organizations/:organizationId/events')
  organizationTrail(@Param('organizationId') organizationId: string, @Query() query: AuditTrailQueryDto, @Req() request: Request) {
    requireActor(readActor(request), ['support', 'auditor'], 'audit trail');
    return auditTrailOfOrganization(this.readStore, organizationId, query);
  }

  /** "Who was the invoice owner of this subscription on date D?": one indexed lookup. */
  @Get('subscriptions/:subscriptionId/invoice-owner')
  async invoiceOwner(@Param('subscriptionId') subscriptionId: string, @Query() query: InvoiceOwnerQueryDto, @Req() request: Request) {
    requireActor(readActor(request), ['support', 'auditor'], 'audit trail');
    const at = new Date(query.at).toISOString();
    return { subscriptionId, at, invoiceOwner: await invoiceOwnerAt(this.readStore, subscriptionId, at) };
  }

  @Get('subscriptions/:subscriptionId/invoice-owners')
  async invoiceOwners(@Param('subscriptionId') subscriptionId: string, @Req() request: Request) {
    requireActor(readActor(request), ['support', 'auditor'], 'audit trail');
    return { subscriptionId, intervals: await invoiceOwnerHistory(this.readStore, subscriptionId) };
  }
}
