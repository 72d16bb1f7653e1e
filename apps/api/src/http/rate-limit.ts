import { createHash } from 'node:crypto';
import { DynamicModule, ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  ThrottlerModule,
  ThrottlerModuleOptions,
  ThrottlerRequest,
  ThrottlerStorage,
  normalizeIp,
} from '@nestjs/throttler';
import type { Request } from 'express';
import { AppConfig } from '@channel-ledger/application';
import { ACCESS_RULE, AccessRule } from '../access/access.decorator';
import { CodedHttpException } from '../access/access-errors';
import { AuthenticatedRequest } from '../access/current-principal.decorator';
import { APP_CONFIG } from '../infrastructure/infrastructure.module';

const MINUTE_MS = 60_000;

/** The throttler's storage and options (in memory, per process); the limits come from AppConfig. */
export function rateLimitModule(): DynamicModule {
  const options: ThrottlerModuleOptions = { throttlers: [{ name: 'default', ttl: MINUTE_MS, limit: 1 }] };
  return ThrottlerModule.forRoot(options);
}

/**
 * Registered as a global guard after the access guard (so the principal is known):
 * - public routes (registration, sign-in links, sessions, ...) allow `rateLimits.publicPerMinute`
 *   requests per client address and route: guessing tokens or mailing someone a thousand links
 *   is slow;
 * - every other route allows `rateLimits.signedInPerMinute` per principal over all routes.
 * Over the limit: 429 problem+json `too-many-requests` with Retry-After (seconds).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(options, storage, reflector);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    return super.canActivate(context);
  }

  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const { context } = props;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    const isPublic = rule?.kind === 'public';
    const { publicPerMinute, signedInPerMinute } = this.config.rateLimits;
    return super.handleRequest({
      ...props,
      limit: isPublic ? publicPerMinute : signedInPerMinute,
      ttl: MINUTE_MS,
      blockDuration: MINUTE_MS,
      getTracker: (request) => this.trackerOf(request as AuthenticatedRequest, isPublic),
      generateKey: (ctx, tracker) =>
        sha256(isPublic ? `public|${ctx.getClass().name}.${ctx.getHandler().name}|${tracker}` : `signed-in|${tracker}`),
    });
  }

  /** A principal on signed-in routes; otherwise the client address (IPv6 by its /64, like the stock guard). */
  private trackerOf(request: AuthenticatedRequest, isPublic: boolean): string {
    const principal = request.principal;
    if (!isPublic && principal) return `${principal.via}:${principal.role}:${principal.subject}`;
    return `ip:${normalizeIp(clientAddress(request), this.ipv6SubnetPrefix)}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = String(Math.max(1, detail.timeToBlockExpire));
    throw new CodedHttpException(
      HttpStatus.TOO_MANY_REQUESTS,
      'too-many-requests',
      `Too many requests: at most ${detail.limit} a minute here. Try again in ${retryAfter} s.`,
      { 'Retry-After': retryAfter },
    );
  }
}

function clientAddress(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
