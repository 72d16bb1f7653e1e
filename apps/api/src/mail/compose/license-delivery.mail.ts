import { MailMessage } from '../mail-message';

export interface LicenseDeliveryFacts {
  toEmail: string;
  licenseId: string;
  /** Not-For-Resale licenses say so, so nobody mistakes them for a sold one. */
  nfr: boolean;
}

/** Rule 10: the license goes to the customer's address, never the reseller's (the decider checked). */
export function licenseDeliveryMail(facts: LicenseDeliveryFacts): MailMessage {
  return {
    to: facts.toEmail,
    subject: facts.nfr ? 'Your channel-ledger license (not for resale) is ready' : 'Your channel-ledger license is ready',
    text: [
      `A license (${facts.licenseId}) was delivered to ${facts.toEmail}.`,
      ...(facts.nfr ? ['It is a Not-For-Resale license: for evaluation and demonstration only.'] : []),
      '',
      'Sign in with this address (POST /auth/sign-in-links, then follow the link we mail you) and download it:',
      '',
      `GET /licenses/${facts.licenseId}/file`,
    ].join('\n'),
  };
}
