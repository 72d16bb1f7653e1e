import { notVisible } from '../http/not-visible';
import { Principal, readsEverything, Role } from './principal';

/** The principal is this tenant in this role, or reads everything (support, auditors). */
export function mayRead(principal: Principal, role: Role, tenantId: string): boolean {
  return (principal.role === role && principal.tenantId === tenantId) || readsEverything(principal);
}

/** Another tenant's resource is answered exactly like a missing one (404). */
export function requireReadable(principal: Principal, role: Role, tenantId: string, what: string): void {
  if (!mayRead(principal, role, tenantId)) throw notVisible(what, tenantId);
}

/** Writes are the tenant's own: support and auditors do not pass here (they act through their own decisions). */
export function requireOwnTenant(principal: Principal, role: Role, tenantId: string, what: string): void {
  if (principal.role !== role || principal.tenantId !== tenantId) throw notVisible(what, tenantId);
}
