import { MailMessage } from '../mail-message';

export interface SignInLinkFacts {
  linkId: string;
  email: string;
  /** The secret part; the credential a person pastes is `<linkId>.<token>`. */
  token: string;
  expiresAt: string;
  publicUrl: string;
}

/** Rule 16: a one-time link, valid 24 hours. */
export function signInLinkMail(facts: SignInLinkFacts): MailMessage {
  const credential = `${facts.linkId}.${facts.token}`;
  return {
    to: facts.email,
    subject: 'Your channel-ledger sign-in link',
    text: [
      'Sign in to channel-ledger with this link:',
      '',
      `${facts.publicUrl}/sign-in#${credential}`,
      '',
      `or through the API: POST /auth/sessions with {"token":"${credential}"}`,
      '',
      `The link is valid for 24 hours (until ${facts.expiresAt}) and works once.`,
      'If you did not ask to sign in, ignore this mail.',
    ].join('\n'),
  };
}
