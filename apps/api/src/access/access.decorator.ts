import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import { Role } from './principal';

export const ACCESS_RULE = 'channel-ledger:access-rule';

/**
 * Every route declares who may call it; a route without a rule is refused by the guard and fails
 * the route-enumeration test. Tenancy (which reseller, which organization) is checked where the
 * resource is known: in the handler or query, answering 404 for another tenant's resource.
 */
export type AccessRule = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

/** Anyone, signed in or not (registration, sign-in, the vendor's public key). */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);
}

/** A signed-in principal holding one of these roles. */
export function Allow(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule), ApiBearerAuth(), ApiSecurity('api-key'));
}
