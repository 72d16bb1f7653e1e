import { MailMessage } from '../mail-message';

export interface OwnershipTransferFacts {
  toEmail: string;
  organizationId: string;
  organizationName: string;
  transferId: string;
  resellerName: string;
  expiresAt: string;
}

/** Rules 2 and 3: the reseller owns the organization until this address accepts, within 7 days. */
export function ownershipTransferMail(facts: OwnershipTransferFacts): MailMessage {
  return {
    to: facts.toEmail,
    subject: `${facts.resellerName} offers you ownership of ${facts.organizationName}`,
    text: [
      `${facts.resellerName} bought channel-ledger for ${facts.organizationName} and offers you to take ownership of the organization.`,
      '',
      'To accept, sign in with this address (POST /auth/sign-in-links, then follow the link we mail you), then:',
      '',
      `POST /organizations/${facts.organizationId}/ownership-transfers/${facts.transferId}/acceptance`,
      '',
      `The offer expires at ${facts.expiresAt}. After that, ask ${facts.resellerName} to make it again.`,
    ].join('\n'),
  };
}
