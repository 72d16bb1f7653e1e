import type { JsonObject, RecordedEvent } from '@channel-ledger/event-store';

export interface Tenant {
  kind: 'reseller' | 'vendor';
  id: string;
}

/** `reseller:acme` or `vendor:gitkraken`; null when it is neither. */
export function parseTenant(text: string): Tenant | null {
  const match = /^(reseller|vendor):(.+)$/.exec(text);
  return match ? { kind: match[1] as Tenant['kind'], id: match[2] } : null;
}

/**
 * Whether an event ties its stream to the tenant: a reseller's own stream, and every stream whose
 * facts name it (the organizations it manages, the subscriptions it sold, its rights and licenses);
 * a vendor's catalog and everything sold of it. A stream belongs whole: all its events are exported,
 * so its chain can be verified from revision 0.
 */
export function tiesToTenant(event: RecordedEvent, tenant: Tenant): boolean {
  const data = event.data as JsonObject & { managingReseller?: { resellerId?: unknown } };
  if (tenant.kind === 'reseller') {
    return event.streamId === `reseller-${tenant.id}` || data.resellerId === tenant.id || data.managingReseller?.resellerId === tenant.id;
  }
  return event.streamId === `catalog-${tenant.id}` || data.vendorId === tenant.id;
}
