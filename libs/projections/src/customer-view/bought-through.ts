import type { BoughtThrough, CustomerOrganization, CustomerSubscription, ResellerRef } from './documents';

export function boughtThroughNote(reseller: ResellerRef): BoughtThrough {
  return { ...reseller, note: `Bought through ${reseller.companyName} — changes go through them` };
}

/**
 * Whom the customer must ask for changes (rule 8), for the organization as a whole:
 * - the reseller of a running (not expired) reseller/marketplace subscription, the earliest bought;
 * - otherwise null when the customer has a direct subscription (rule 11: it now buys directly);
 * - otherwise the managing reseller (nothing bought yet, or only expired reseller purchases).
 */
export function organizationBoughtThrough(
  organization: Pick<CustomerOrganization, 'managingReseller'>,
  subscriptions: readonly CustomerSubscription[],
): BoughtThrough | null {
  const running = subscriptions.find((s) => s.boughtThrough !== null && s.status !== 'expired');
  if (running) return boughtThroughNote(running.boughtThrough!);
  if (subscriptions.some((s) => s.channel === 'direct')) return null;
  return boughtThroughNote(organization.managingReseller);
}
