import { Decider, DomainEvent, violation } from '../shared/decider';
import { Actor, Instant } from '../shared/types';
import { Membership } from './session';

/** A machine's credential. Only a slow hash of its secret is recorded (scrypt), never the secret. */
export type ApiKeyCreated = DomainEvent<
  'ApiKeyCreated',
  { keyId: string; name: string; membership: Membership; readOnly: boolean; secretHash: string; createdBy: Actor; createdAt: Instant }
>;
export type ApiKeyRevoked = DomainEvent<'ApiKeyRevoked', { keyId: string; revokedBy: Actor; revokedAt: Instant }>;
export type ApiKeyEvent = ApiKeyCreated | ApiKeyRevoked;

export type ApiKeyCommand =
  | {
      type: 'CreateApiKey';
      keyId: string;
      name: string;
      membership: Membership;
      readOnly: boolean;
      secretHash: string;
      now: Instant;
      actor: Actor;
    }
  | { type: 'RevokeApiKey'; keyId: string; tenant: Membership; now: Instant; actor: Actor };

interface KnownKey {
  readonly keyId: string;
  readonly name: string;
  readonly membership: Membership;
  readonly readOnly: boolean;
  readonly secretHash: string;
  readonly createdAt: Instant;
}

export type ApiKeyState =
  | { readonly status: 'none' }
  | (KnownKey & { readonly status: 'active' })
  | (KnownKey & { readonly status: 'revoked'; readonly revokedAt: Instant });

function decide(command: ApiKeyCommand, state: ApiKeyState) {
  switch (command.type) {
    case 'CreateApiKey': {
      if (state.status !== 'none') return violation('api-key-already-exists', 'An API key with this id already exists.');
      const { keyId, name, membership, readOnly, secretHash, actor, now } = command;
      return [
        { type: 'ApiKeyCreated', data: { keyId, name, membership, readOnly, secretHash, createdBy: actor, createdAt: now } } as ApiKeyEvent,
      ];
    }
    case 'RevokeApiKey': {
      // Another tenant's key is answered exactly like a missing one.
      const sameTenant =
        state.status !== 'none' && state.membership.role === command.tenant.role && state.membership.tenantId === command.tenant.tenantId;
      if (!sameTenant) return violation('api-key-not-found', 'No such API key is visible to you.');
      if (state.status === 'revoked') return [];
      return [{ type: 'ApiKeyRevoked', data: { keyId: state.keyId, revokedBy: command.actor, revokedAt: command.now } } as ApiKeyEvent];
    }
  }
}

function evolve(state: ApiKeyState, event: ApiKeyEvent): ApiKeyState {
  switch (event.type) {
    case 'ApiKeyCreated': {
      const { keyId, name, membership, readOnly, secretHash, createdAt } = event.data;
      return { status: 'active', keyId, name, membership, readOnly, secretHash, createdAt };
    }
    case 'ApiKeyRevoked':
      return state.status === 'active' ? { ...state, status: 'revoked', revokedAt: event.data.revokedAt } : state;
  }
}

export const apiKeyDecider: Decider<ApiKeyCommand, ApiKeyEvent, ApiKeyState> = { initialState: { status: 'none' }, decide, evolve };

export const apiKeyStream = (keyId: string): string => `api-key-${keyId}`;
