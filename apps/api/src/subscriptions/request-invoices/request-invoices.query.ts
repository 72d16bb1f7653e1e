import { Query } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';

export interface InvoiceCopies {
  subscriptionId: string;
  /** The invoices addressed to the customer's own organization; a reseller's invoices are never here. */
  invoices: { invoiceId: string; invoiceNumber: string; reason: string; issuedAt: string; currency: string; total: string }[];
}

/** Appends nothing: a request for invoices changes no fact, it is answered or refused. */
export class RequestInvoicesQuery extends Query<InvoiceCopies> {
  constructor(
    readonly subscriptionId: string,
    readonly asked: CommandEnvelope,
  ) {
    super();
  }
}
