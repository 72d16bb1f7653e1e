import { ResellerCustomer, transferStatusAt } from '@channel-ledger/projections';

/** A customer as the reseller reads it: the index keys left out, whether an offer lapsed decided now. */
export type ResellerCustomerItem = Omit<ResellerCustomer, 'nameKey' | 'transferExpiresAt'> & {
  transferStatus: 'none' | 'pending' | 'expired';
};

export function customerItem(customer: ResellerCustomer, now: string): ResellerCustomerItem {
  const { nameKey: _nameKey, transferExpiresAt: _expiresAt, ...shown } = customer;
  // Whether a pending transfer has lapsed depends on now, which a projection cannot know.
  return { ...shown, transferStatus: transferStatusAt(customer, now) };
}
