import { Decision, violation } from '../shared/decider';
import { instantPlusHours, isAtOrAfter, normalizeEmail } from '../shared/types';
import { IssueSignInLink, SignInLinkCommand, UseSignInLink } from './commands';
import { SignInLinkEvent } from './events';
import { SignInLinkState } from './state';

/** Rule 16. */
export const SIGN_IN_LINK_VALIDITY_HOURS = 24;

export function decideSignInLink(command: SignInLinkCommand, state: SignInLinkState): Decision<SignInLinkEvent> {
  switch (command.type) {
    case 'IssueSignInLink':
      return issue(command, state);
    case 'UseSignInLink':
      return use(command, state);
  }
}

function issue(command: IssueSignInLink, state: SignInLinkState): Decision<SignInLinkEvent> {
  if (state.status !== 'none') {
    return violation('sign-in-link-already-issued', 'A sign-in link with this id has already been issued.');
  }
  return [
    {
      type: 'SignInLinkIssued',
      data: {
        linkId: command.linkId,
        email: normalizeEmail(command.email),
        tokenHash: command.tokenHash,
        issuedAt: command.now,
        expiresAt: instantPlusHours(command.now, SIGN_IN_LINK_VALIDITY_HOURS),
      },
    },
  ];
}

function use(command: UseSignInLink, state: SignInLinkState): Decision<SignInLinkEvent> {
  // An unknown link and a wrong token get the same answer: nothing is revealed about real links.
  if (state.status === 'none' || command.tokenHash !== state.tokenHash) {
    return violation('sign-in-link-invalid', 'This sign-in link is not valid; ask for a new one.');
  }
  if (state.status === 'used') {
    return violation('sign-in-link-already-used', 'This sign-in link has already been used; ask for a new one.');
  }
  if (isAtOrAfter(command.now, state.expiresAt)) {
    return violation('sign-in-link-expired', 'This sign-in link expired 24 hours after it was sent; ask for a new one.', {
      expiresAt: state.expiresAt,
    });
  }
  return [{ type: 'SignInLinkUsed', data: { linkId: state.linkId, email: state.email, usedAt: command.now } }];
}
