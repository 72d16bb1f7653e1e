import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { apiKeyState, LedgerContext, sessionIsActive } from '@channel-ledger/application';
import { unauthenticated } from '../access/access-errors';
import { Authenticator } from '../access/authenticator';
import { Principal } from '../access/principal';
import { CLOCK, Clock } from '../infrastructure/clock';
import { AccessTokens } from './access-tokens';
import { apiKeySecretMatches, parseApiKey } from './api-key-secret';

/**
 * `Authorization: Bearer <access token>` for people, `Authorization: ApiKey <key>` (or
 * `X-Api-Key`) for machines. A token whose session ended (sign-out) is refused like a forged one.
 */
@Injectable()
export class TokenAuthenticator extends Authenticator {
  /** scrypt is slow on purpose; a key already verified is recognised by a fast digest. */
  private readonly verifiedKeys = new Map<string, string>();

  constructor(
    private readonly tokens: AccessTokens,
    private readonly ctx: LedgerContext,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  async authenticate(request: Request): Promise<Principal | null> {
    const authorization = request.headers.authorization;
    const apiKeyHeader = request.headers['x-api-key'];
    if (typeof authorization === 'string' && authorization.trim() !== '') {
      const [scheme, value = ''] = authorization.trim().split(/\s+/, 2);
      if (/^bearer$/i.test(scheme)) return this.session(value);
      if (/^apikey$/i.test(scheme)) return this.apiKey(value);
      throw unauthenticated('Use Authorization: Bearer <access token> or Authorization: ApiKey <key>.');
    }
    if (typeof apiKeyHeader === 'string' && apiKeyHeader.trim() !== '') return this.apiKey(apiKeyHeader.trim());
    return null;
  }

  private async session(token: string): Promise<Principal> {
    const now = this.clock.now();
    const principal = this.tokens.verify(token, now);
    if (!principal || !(await sessionIsActive(this.ctx, principal.sessionId!, now.toISOString()))) {
      throw unauthenticated('The access token is not valid (expired, revoked or not ours); sign in again or refresh.');
    }
    return principal;
  }

  private async apiKey(presented: string): Promise<Principal> {
    const parsed = parseApiKey(presented);
    if (!parsed) throw unauthenticated('The API key is not valid.');
    const state = await apiKeyState(this.ctx, parsed.keyId);
    if (state.status !== 'active') throw unauthenticated('The API key is not valid (unknown or revoked).');
    const digest = createHash('sha256').update(presented).digest('hex');
    if (this.verifiedKeys.get(parsed.keyId) !== digest) {
      if (!(await apiKeySecretMatches(parsed.secret, state.secretHash))) throw unauthenticated('The API key is not valid.');
      this.verifiedKeys.set(parsed.keyId, digest);
    }
    return {
      via: 'api-key',
      role: state.membership.role,
      tenantId: state.membership.tenantId,
      subject: state.keyId,
      sessionId: null,
      readOnly: state.readOnly,
    };
  }
}
