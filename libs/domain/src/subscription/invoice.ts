import { CurrencyCode } from '../money/currency';
import { invoiceTotal, InvoiceLine } from '../money/invoice-line';
import { canonicalInstant } from '../money/billing-period';
import { Instant } from '../shared/types';
import { InvoiceIssued } from './events';
import { InvoiceOwnership, InvoiceReason, PaymentMethodFacts } from './terms';
import { invoicePaymentFor } from './payment';

export interface InvoiceDraft {
  readonly invoiceId: string;
  readonly subscriptionId: string;
  /** How many invoices this subscription already has; numbering is per subscription. */
  readonly previousInvoices: number;
  readonly reason: InvoiceReason;
  readonly now: Instant;
  /** Rule 7: the invoice goes to whoever owns invoicing at that moment. */
  readonly ownership: InvoiceOwnership;
  readonly currency: CurrencyCode;
  readonly lines: readonly InvoiceLine[];
  readonly paymentMethod: PaymentMethodFacts;
}

export function issueInvoice(draft: InvoiceDraft): InvoiceIssued {
  return {
    type: 'InvoiceIssued',
    data: {
      invoiceId: draft.invoiceId,
      invoiceNumber: `${draft.subscriptionId}-${draft.previousInvoices + 1}`,
      subscriptionId: draft.subscriptionId,
      reason: draft.reason,
      issuedAt: canonicalInstant(draft.now),
      issuedTo: draft.ownership.owner,
      channel: draft.ownership.channel,
      currency: draft.currency,
      lines: draft.lines,
      total: invoiceTotal(draft.lines, draft.currency),
      payment: invoicePaymentFor(draft.paymentMethod),
    },
  };
}
