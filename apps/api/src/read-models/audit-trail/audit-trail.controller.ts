import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { auditTrailOfOrganization, auditTrailOfSubscription, invoiceOwnerAt, invoiceOwnerHistory } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { Allow } from '../../access/access.decorator';
import { READ_STORE } from '../../infrastructure/read-store.provider';
import { AuditTrailQueryDto, InvoiceOwnerQueryDto } from './audit-trail.dto';

/** Support and auditors: every event of a subscription or organization, and invoice ownership over time. */
@Controller('audit')
@Allow('support', 'auditor')
export class AuditTrailController {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  @Get('subscriptions/:subscriptionId/events')
  subscriptionTrail(@Param('subscriptionId') subscriptionId: string, @Query() query: AuditTrailQueryDto) {
    return auditTrailOfSubscription(this.readStore, subscriptionId, query);
  }

  @Get('organizations/:organizationId/events')
  organizationTrail(@Param('organizationId') organizationId: string, @Query() query: AuditTrailQueryDto) {
    return auditTrailOfOrganization(this.readStore, organizationId, query);
  }

  /** "Who was the invoice owner of this subscription on date D?": one indexed lookup. */
  @Get('subscriptions/:subscriptionId/invoice-owner')
  async invoiceOwner(@Param('subscriptionId') subscriptionId: string, @Query() query: InvoiceOwnerQueryDto) {
    const at = new Date(query.at).toISOString();
    return { subscriptionId, at, invoiceOwner: await invoiceOwnerAt(this.readStore, subscriptionId, at) };
  }

  @Get('subscriptions/:subscriptionId/invoice-owners')
  async invoiceOwners(@Param('subscriptionId') subscriptionId: string) {
    return { subscriptionId, intervals: await invoiceOwnerHistory(this.readStore, subscriptionId) };
  }
}
