import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LedgerContext, requestInvoices } from '@channel-ledger/application';
import { InvoiceCopies, RequestInvoicesQuery } from './request-invoices.query';

@QueryHandler(RequestInvoicesQuery)
export class RequestInvoicesHandler implements IQueryHandler<RequestInvoicesQuery, InvoiceCopies> {
  constructor(private readonly ledger: LedgerContext) {}

  async execute({ subscriptionId, asked }: RequestInvoicesQuery): Promise<InvoiceCopies> {
    const invoices = await requestInvoices(this.ledger, asked, { subscriptionId });
    return {
      subscriptionId,
      invoices: invoices.map(({ invoiceId, invoiceNumber, reason, issuedAt, currency, total }) => ({
        invoiceId,
        invoiceNumber,
        reason,
        issuedAt,
        currency,
        total,
      })),
    };
  }
}
