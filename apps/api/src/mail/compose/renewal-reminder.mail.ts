import type { InvoiceOwner, RenewalPriceFacts } from '@channel-ledger/domain';
import { MailMessage } from '../mail-message';

export interface RenewalReminderFacts {
  invoiceOwner: InvoiceOwner;
  subscriptionId: string;
  organizationName: string;
  termEnd: string;
  daysBefore: number;
  autoRenewal: boolean;
  renewal: RenewalPriceFacts | null;
}

const day = (instant: string) => instant.slice(0, 10);

/** 30 and 7 days before the term ends, to the invoice owner (rule 7), with the renewal quote. */
export function renewalReminderMail(facts: RenewalReminderFacts): MailMessage {
  const { renewal } = facts;
  const quote = renewal
    ? [
        `Renewal quote: ${renewal.plan.product} ${renewal.plan.tier}, ${renewal.seats} seats × ${renewal.unitPrice} ${renewal.currency},`,
        `${day(renewal.periodStart)} to ${day(renewal.periodEnd)}: ${renewal.total} ${renewal.currency}.`,
      ]
    : ['The plan this subscription is on is no longer sold: it cannot be renewed as it is.'];
  const what =
    facts.autoRenewal && renewal
      ? [
          `Auto-renewal is on: on ${day(facts.termEnd)} the total is charged to your default payment method and an invoice is issued to you.`,
        ]
      : [
          `Auto-renewal is off: the subscription ends on ${day(facts.termEnd)} unless you renew it`,
          `(POST /subscriptions/${facts.subscriptionId}/renewal) or turn auto-renewal on (PUT /subscriptions/${facts.subscriptionId}/auto-renewal).`,
        ];
  return {
    to: facts.invoiceOwner.email,
    subject: `${facts.organizationName}: subscription renews in ${facts.daysBefore} days (${day(facts.termEnd)})`,
    text: [
      `The subscription ${facts.subscriptionId} of ${facts.organizationName} is paid through ${facts.termEnd}.`,
      '',
      ...quote,
      '',
      ...what,
    ].join('\n'),
  };
}
