import type { InvoiceReason } from '@channel-ledger/domain';
import type { Describer } from '../context';
import { money } from '../format';

const REASONS: Record<InvoiceReason, string> = {
  purchase: 'purchase',
  'direct-purchase': 'direct purchase',
  'added-seats': 'added seats',
  'plan-change': 'plan change',
  renewal: 'renewal',
};

/** "Invoice sub-1-2 (added seats) issued to Acme Resale: USD 1234.50" — rule 7: never to the customer of a reseller. */
export const describeInvoiceIssued: Describer<'InvoiceIssued'> = (d) =>
  `Invoice ${d.invoiceNumber} (${REASONS[d.reason] ?? d.reason}) issued to ${d.issuedTo.name}: ${money(d.currency, d.total)}`;
