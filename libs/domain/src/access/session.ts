import { Decider, DomainEvent, violation } from '../shared/decider';
import { Actor, Email, Instant, isAtOrAfter } from '../shared/types';

/** The role and tenant a person signed in as (DESIGN.md §1). */
export interface Membership {
  readonly role: 'reseller' | 'customer' | 'vendor-admin' | 'support' | 'auditor' | 'operator';
  /** Reseller id, customer e-mail, vendor id; null for staff. */
  readonly tenantId: string | null;
}

export type SessionStarted = DomainEvent<
  'SessionStarted',
  {
    sessionId: string;
    email: Email;
    membership: Membership;
    linkId: string;
    refreshTokenHash: string;
    startedAt: Instant;
    expiresAt: Instant;
  }
>;
export type SessionRefreshed = DomainEvent<'SessionRefreshed', { sessionId: string; refreshTokenHash: string; refreshedAt: Instant }>;
/** `reason`: signed-out, or refresh-token-reused (a stolen refresh token ends the session). */
export type SessionEnded = DomainEvent<
  'SessionEnded',
  { sessionId: string; reason: 'signed-out' | 'refresh-token-reused'; endedAt: Instant }
>;
export type SessionEvent = SessionStarted | SessionRefreshed | SessionEnded;

export type SessionCommand =
  | {
      type: 'StartSession';
      sessionId: string;
      email: Email;
      membership: Membership;
      linkId: string;
      refreshTokenHash: string;
      now: Instant;
      actor: Actor;
    }
  | { type: 'RefreshSession'; sessionId: string; presentedHash: string; nextRefreshTokenHash: string; now: Instant; actor: Actor }
  | { type: 'EndSession'; sessionId: string; now: Instant; actor: Actor };

interface OpenSession {
  readonly sessionId: string;
  readonly email: Email;
  readonly membership: Membership;
  readonly refreshTokenHash: string;
  readonly expiresAt: Instant;
}

export type SessionState =
  { readonly status: 'none' } | (OpenSession & { readonly status: 'active' }) | (OpenSession & { readonly status: 'ended' });

/** A refresh token lives at most this long; access tokens far less (configuration). */
export const SESSION_LIFETIME_DAYS = 30;

function decide(command: SessionCommand, state: SessionState): readonly SessionEvent[] | ReturnType<typeof violation> {
  switch (command.type) {
    case 'StartSession': {
      if (state.status !== 'none') return violation('session-already-started', 'This session already exists.');
      const expiresAt = new Date(Date.parse(command.now) + SESSION_LIFETIME_DAYS * 86_400_000).toISOString();
      const { sessionId, email, membership, linkId, refreshTokenHash } = command;
      return [
        { type: 'SessionStarted', data: { sessionId, email, membership, linkId, refreshTokenHash, startedAt: command.now, expiresAt } },
      ];
    }
    case 'RefreshSession': {
      if (state.status !== 'active' || isAtOrAfter(command.now, state.expiresAt)) return sessionInvalid();
      // An old refresh token presented again means two holders: end the session for both.
      if (command.presentedHash !== state.refreshTokenHash) {
        return [{ type: 'SessionEnded', data: { sessionId: state.sessionId, reason: 'refresh-token-reused', endedAt: command.now } }];
      }
      return [
        {
          type: 'SessionRefreshed',
          data: { sessionId: state.sessionId, refreshTokenHash: command.nextRefreshTokenHash, refreshedAt: command.now },
        },
      ];
    }
    case 'EndSession':
      if (state.status !== 'active') return [];
      return [{ type: 'SessionEnded', data: { sessionId: state.sessionId, reason: 'signed-out', endedAt: command.now } }];
  }
}

export function sessionInvalid() {
  return violation('session-invalid', 'This session has ended or expired; sign in again.');
}

function evolve(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'SessionStarted': {
      const { sessionId, email, membership, refreshTokenHash, expiresAt } = event.data;
      return { status: 'active', sessionId, email, membership, refreshTokenHash, expiresAt };
    }
    case 'SessionRefreshed':
      return state.status === 'active' ? { ...state, refreshTokenHash: event.data.refreshTokenHash } : state;
    case 'SessionEnded':
      return state.status === 'none' ? state : { ...state, status: 'ended' };
  }
}

export const sessionDecider: Decider<SessionCommand, SessionEvent, SessionState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};

export const sessionStream = (sessionId: string): string => `session-${sessionId}`;
