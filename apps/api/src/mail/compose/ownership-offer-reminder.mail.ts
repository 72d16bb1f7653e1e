import { MailMessage } from '../mail-message';

export interface OwnershipOfferReminderFacts {
  toEmail: string;
  organizationId: string;
  organizationName: string;
  transferId: string;
  resellerName: string;
  expiresAt: string;
}

/** Rule 3: a day before the 7 days are over, the invited contact is reminded (once). */
export function ownershipOfferReminderMail(facts: OwnershipOfferReminderFacts): MailMessage {
  return {
    to: facts.toEmail,
    subject: `Reminder: the offer to own ${facts.organizationName} lapses in 24 hours`,
    text: [
      `${facts.resellerName} offered you ownership of ${facts.organizationName}. The offer lapses at ${facts.expiresAt}.`,
      '',
      'To accept, sign in with this address (POST /auth/sign-in-links, then follow the link we mail you), then:',
      '',
      `POST /organizations/${facts.organizationId}/ownership-transfers/${facts.transferId}/acceptance`,
      '',
      `After it lapses, ask ${facts.resellerName} to make the offer again.`,
    ].join('\n'),
  };
}
