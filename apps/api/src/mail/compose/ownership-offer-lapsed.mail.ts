import { MailMessage } from '../mail-message';

export interface OwnershipOfferLapsedFacts {
  resellerEmail: string;
  resellerName: string;
  organizationId: string;
  organizationName: string;
  toEmail: string;
  expiresAt: string;
}

/** Rule 3: the customer did not accept within 7 days; the reseller still owns the organization and may offer again. */
export function ownershipOfferLapsedMail(facts: OwnershipOfferLapsedFacts): MailMessage {
  return {
    to: facts.resellerEmail,
    subject: `The ownership offer for ${facts.organizationName} lapsed`,
    text: [
      `${facts.toEmail} did not accept ownership of ${facts.organizationName} before ${facts.expiresAt}; the offer has lapsed.`,
      `${facts.resellerName} remains the owner of the organization.`,
      '',
      'To offer it again:',
      '',
      `POST /organizations/${facts.organizationId}/ownership-transfers with {"toEmail":"${facts.toEmail}"}`,
    ].join('\n'),
  };
}
