import { Email, Instant } from '../shared/types';
import { SignInLinkEvent } from './events';

interface IssuedLink {
  readonly linkId: string;
  readonly email: Email;
  readonly tokenHash: string;
  readonly issuedAt: Instant;
  readonly expiresAt: Instant;
}

export type SignInLinkState =
  | { readonly status: 'none' }
  | (IssuedLink & { readonly status: 'issued' })
  | (IssuedLink & { readonly status: 'used'; readonly usedAt: Instant });

export const initialSignInLinkState: SignInLinkState = { status: 'none' };

export function evolveSignInLink(state: SignInLinkState, event: SignInLinkEvent): SignInLinkState {
  switch (event.type) {
    case 'SignInLinkIssued':
      return { status: 'issued', ...event.data };
    case 'SignInLinkUsed':
      return state.status === 'issued' ? { ...state, status: 'used', usedAt: event.data.usedAt } : state;
  }
}
