import { MailMessage } from '../mail-message';

export interface ResellerVerificationFacts {
  resellerId: string;
  companyName: string;
  email: string;
  /** The token whose hash the event recorded. */
  token: string;
  expiresAt: string;
}

/** Rule 1: the reseller can do nothing until it proves the address is its own. */
export function resellerVerificationMail(facts: ResellerVerificationFacts): MailMessage {
  return {
    to: facts.email,
    subject: 'Verify your reseller e-mail address',
    text: [
      `Hello ${facts.companyName},`,
      '',
      `please confirm that ${facts.email} is the address of ${facts.companyName} on channel-ledger.`,
      'Until it is confirmed, your reseller account can do nothing else.',
      '',
      `POST /resellers/${facts.resellerId}/email-verification with {"token":"${facts.token}"}`,
      '',
      `This token is valid until ${facts.expiresAt}. If you did not register, ignore this mail.`,
    ].join('\n'),
  };
}
