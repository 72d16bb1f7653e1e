import { MailMessage } from '../mail-message';

export interface InvoiceReceiptFacts {
  ownerName: string;
  ownerEmail: string;
  invoiceNumber: string;
  issuedAt: string;
  currency: string;
  lines: readonly { description: string; amount: string }[];
  total: string;
  terms: 'charged-immediately' | 'net-terms';
}

/** Rule 7: invoices go to the invoice owner (the reseller for a reseller purchase), never to its customer. */
export function invoiceReceiptMail(facts: InvoiceReceiptFacts): MailMessage {
  const charged = facts.terms === 'charged-immediately';
  return {
    to: facts.ownerEmail,
    subject: charged ? `Receipt for invoice ${facts.invoiceNumber}` : `Invoice ${facts.invoiceNumber}, payable on net terms`,
    text: [
      `Invoice ${facts.invoiceNumber} to ${facts.ownerName}, issued ${facts.issuedAt}`,
      '',
      ...facts.lines.map((line) => `  ${line.description}: ${line.amount} ${facts.currency}`),
      `  Total: ${facts.total} ${facts.currency}`,
      '',
      charged ? 'The total was charged to your payment method.' : 'Please pay the total within the agreed net terms.',
    ].join('\n'),
  };
}
