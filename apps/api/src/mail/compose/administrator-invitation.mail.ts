import { MailMessage } from '../mail-message';

export interface AdministratorInvitationFacts {
  email: string;
  organizationId: string;
  organizationName: string;
  invitationId: string;
}

/** Rule 15: customer administrators are invited by e-mail and must accept. */
export function administratorInvitationMail(facts: AdministratorInvitationFacts): MailMessage {
  return {
    to: facts.email,
    subject: `You are invited to administer ${facts.organizationName}`,
    text: [
      `You are invited to become an administrator of ${facts.organizationName} on channel-ledger.`,
      '',
      'To accept, sign in with this address (POST /auth/sign-in-links, then follow the link we mail you), then:',
      '',
      `POST /organizations/${facts.organizationId}/administrator-invitations/${facts.invitationId}/acceptance`,
      '',
      'If you do not expect this invitation, ignore this mail.',
    ].join('\n'),
  };
}
