import type { InvoiceOwner } from '@channel-ledger/domain';
import { MailMessage } from '../mail-message';

export interface SubscriptionEndedFacts {
  invoiceOwner: InvoiceOwner;
  subscriptionId: string;
  organizationName: string;
  expiredAt: string;
  reason: 'cancelled' | 'not-renewed' | 'payment-failed';
}

const BECAUSE: Record<SubscriptionEndedFacts['reason'], string> = {
  cancelled: 'it was cancelled',
  'not-renewed': 'it was not renewed (auto-renewal was off)',
  'payment-failed': 'the renewal charge was declined on every attempt',
};

/** The lapse notice: the subscription ended at its term end; a new purchase is needed. */
export function subscriptionEndedMail(facts: SubscriptionEndedFacts): MailMessage {
  return {
    to: facts.invoiceOwner.email,
    subject: `${facts.organizationName}: the subscription ended on ${facts.expiredAt.slice(0, 10)}`,
    text: [
      `The subscription ${facts.subscriptionId} of ${facts.organizationName} ended at ${facts.expiredAt}: ${BECAUSE[facts.reason]}.`,
      '',
      'Its seats are no longer usable. To continue, buy a new subscription (POST /subscriptions).',
    ].join('\n'),
  };
}
