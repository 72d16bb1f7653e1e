import { Actor, Instant } from '../shared/types';

interface SignInLinkCommandBase {
  readonly linkId: string;
  readonly now: Instant;
  readonly actor: Actor;
}

/** The token is mailed by the caller; only its hash reaches the domain. */
export interface IssueSignInLink extends SignInLinkCommandBase {
  readonly type: 'IssueSignInLink';
  readonly email: string;
  readonly tokenHash: string;
}

export interface UseSignInLink extends SignInLinkCommandBase {
  readonly type: 'UseSignInLink';
  readonly tokenHash: string;
}

export type SignInLinkCommand = IssueSignInLink | UseSignInLink;
