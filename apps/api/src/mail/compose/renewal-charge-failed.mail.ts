import type { InvoiceOwner } from '@channel-ledger/domain';
import { MailMessage } from '../mail-message';

export interface RenewalChargeFailedFacts {
  invoiceOwner: InvoiceOwner;
  subscriptionId: string;
  organizationName: string;
  termEnd: string;
  attempt: number;
  amount: string | null;
  currency: string;
  reason: string;
  nextAttemptAt: string;
}

/** Dunning: a declined renewal charge and when it is tried again (the last decline sends the lapse notice instead). */
export function renewalChargeFailedMail(facts: RenewalChargeFailedFacts): MailMessage {
  return {
    to: facts.invoiceOwner.email,
    subject: `${facts.organizationName}: the renewal charge was declined (attempt ${facts.attempt})`,
    text: [
      `Renewing the subscription ${facts.subscriptionId} of ${facts.organizationName}${facts.amount ? ` for ${facts.amount} ${facts.currency}` : ''} did not go through:`,
      facts.reason,
      '',
      `It is tried again at ${facts.nextAttemptAt}. Meanwhile the subscription is past its paid time (${facts.termEnd}).`,
      'To make it go through, set another default payment method: PUT /resellers/<your id>/default-payment-method.',
    ].join('\n'),
  };
}
