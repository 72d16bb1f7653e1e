import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig, Secrets, StartedSession } from '@channel-ledger/application';
import { APP_CONFIG } from '../infrastructure/infrastructure.module';
import { Principal, Role, ROLES } from '../access/principal';

const ISSUER = 'channel-ledger';
const AUDIENCE = 'channel-ledger-api';

interface AccessClaims {
  sub: string;
  role: Role;
  tenant: string | null;
  sid: string;
}

/** Short-lived signed access tokens (HS256, key derived from the ledger's secret). */
@Injectable()
export class AccessTokens {
  /**
   * A KeyObject, not the string: given a string, jsonwebtoken first tries to read it as a PEM
   * public key, and that failed attempt was more than half of a signed-in request's CPU.
   * @nestjs/jwt hands the secret to jsonwebtoken as it is; only its option type predates KeyObject.
   */
  private readonly key: Buffer;

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    secrets: Secrets,
  ) {
    this.key = createSecretKey(Buffer.from(secrets.derive('access-token'), 'utf8')) as unknown as Buffer;
  }

  /** `now` is the ledger's clock (a sandbox clock moves token expiry too). */
  issue(session: StartedSession, now: Date) {
    const claims: AccessClaims = {
      sub: session.email,
      role: session.membership.role,
      tenant: session.membership.tenantId,
      sid: session.sessionId,
    };
    const iat = Math.floor(now.getTime() / 1000);
    const accessToken = this.jwt.sign(
      { ...claims, iat, exp: iat + this.config.accessTokenTtlSeconds },
      { secret: this.key, algorithm: 'HS256', issuer: ISSUER, audience: AUDIENCE },
    );
    return {
      tokenType: 'Bearer' as const,
      accessToken,
      expiresIn: this.config.accessTokenTtlSeconds,
      refreshToken: session.refreshToken,
      principal: { email: session.email, role: session.membership.role, tenantId: session.membership.tenantId },
    };
  }

  /** Null for anything that does not verify: forged, tampered, expired, another issuer's. */
  verify(token: string, now: Date): Principal | null {
    try {
      const claims = this.jwt.verify<AccessClaims>(token, {
        secret: this.key,
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        clockTimestamp: Math.floor(now.getTime() / 1000),
      });
      if (!ROLES.includes(claims.role) || typeof claims.sid !== 'string' || typeof claims.sub !== 'string') return null;
      return {
        via: 'session',
        role: claims.role,
        tenantId: claims.tenant ?? null,
        subject: claims.sub,
        sessionId: claims.sid,
        readOnly: false,
      };
    } catch {
      return null;
    }
  }
}
