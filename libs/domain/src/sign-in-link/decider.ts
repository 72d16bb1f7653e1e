import { Decider } from '../shared/decider';
import { SignInLinkCommand } from './commands';
import { decideSignInLink } from './decide';
import { SignInLinkEvent } from './events';
import { evolveSignInLink, initialSignInLinkState, SignInLinkState } from './state';

export const signInLinkDecider: Decider<SignInLinkCommand, SignInLinkEvent, SignInLinkState> = {
  initialState: initialSignInLinkState,
  decide: decideSignInLink,
  evolve: evolveSignInLink,
};

export const signInLinkStream = (linkId: string): string => `sign-in-link-${linkId}`;
