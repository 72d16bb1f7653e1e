import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_RULE, AccessRule } from './access.decorator';
import { forbiddenForRole, readOnlyKey, unauthenticated } from './access-errors';
import { Authenticator } from './authenticator';
import { AuthenticatedRequest } from './current-principal.decorator';
import { notVisible } from '../http/not-visible';

/**
 * The one guard (registered globally): every route's declared rule is enforced here. A route
 * without a rule is closed (answered as not found) — the route-enumeration test keeps it from
 * shipping that way.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (!rule) throw notVisible('route');
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticator.authenticate(request);
    if (principal) request.principal = principal;
    if (rule.kind === 'public') return true;
    if (!principal) throw unauthenticated();
    if (!rule.roles.includes(principal.role)) throw forbiddenForRole(principal.role);
    if (principal.readOnly && request.method !== 'GET' && request.method !== 'HEAD') throw readOnlyKey();
    return true;
  }
}
