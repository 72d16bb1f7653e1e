import type { LedgerEventOf } from '@channel-ledger/domain';
import type { WriteOperation } from '@channel-ledger/read-store';
import type { EventWrites, Recorded } from '../engine/document-projection';
import { emailLookupOf } from '../email-lookup';
import { contactSearchKeyId, CUSTOMER_OWNERSHIP_OFFERS, CUSTOMER_SEARCH_KEYS, nameSearchKeyId } from './collections';
import type { CustomerOwnershipOffer, CustomerSearchKey } from './documents';

/** Lower-cased and trimmed, so support's search ignores case; queries use the same form. */
export const nameSearchValue = (name: string): string => name.trim().toLowerCase();

type OfferOrSearchEvent = LedgerEventOf<
  | 'CustomerOrganizationCreated'
  | 'CompanyDetailsChanged'
  | 'ContactChanged'
  | 'OwnershipTransferInitiated'
  | 'OwnershipTransferAccepted'
  | 'OwnershipTransferExpired'
  | 'OwnershipTransferCancelled'
>;

/**
 * Organization events → `customer_ownership_offers` and `customer_search_keys`. Every operation
 * follows from the event alone (no reads): the offer's id is its transferId, a key's id names
 * its organization and role, so a put replaces and a delete of what is gone does nothing.
 */
export const offersAndSearchKeys: EventWrites<OfferOrSearchEvent> = {
  handles: [
    'CustomerOrganizationCreated',
    'CompanyDetailsChanged',
    'ContactChanged',
    'OwnershipTransferInitiated',
    'OwnershipTransferAccepted',
    'OwnershipTransferExpired',
    'OwnershipTransferCancelled',
  ],
  writes: applyOfferAndSearchEvent,
};

export function applyOfferAndSearchEvent(event: Recorded<OfferOrSearchEvent>): WriteOperation[] {
  const searchKey = (id: string, organizationId: string, key: CustomerSearchKey['key'], value: string): WriteOperation => {
    const document: CustomerSearchKey = { id, organizationId, key, value };
    return { type: 'put', collection: CUSTOMER_SEARCH_KEYS, document };
  };
  // Addresses are kept as their keyed hash (email-lookup.ts); an erased one is no key at all.
  const emailKey = (id: string, organizationId: string, address: string): WriteOperation => {
    const value = emailLookupOf(address);
    return value === null ? { type: 'delete', collection: CUSTOMER_SEARCH_KEYS, id } : searchKey(id, organizationId, 'email', value);
  };
  const withdrawOffer = (transferId: string): WriteOperation => ({ type: 'delete', collection: CUSTOMER_OWNERSHIP_OFFERS, id: transferId });

  switch (event.type) {
    case 'CustomerOrganizationCreated': {
      const { organizationId, name, customerContact } = event.data;
      return [
        searchKey(nameSearchKeyId(organizationId), organizationId, 'name', nameSearchValue(name)),
        emailKey(contactSearchKeyId(organizationId, 'primary'), organizationId, customerContact.email),
      ];
    }
    case 'CompanyDetailsChanged': {
      const { organizationId, name } = event.data;
      return [searchKey(nameSearchKeyId(organizationId), organizationId, 'name', nameSearchValue(name))];
    }
    case 'ContactChanged': {
      const { organizationId, role, contact } = event.data;
      return [emailKey(contactSearchKeyId(organizationId, role), organizationId, contact.email)];
    }
    case 'OwnershipTransferInitiated': {
      const { transferId, organizationId, toEmail, initiatedAt, expiresAt } = event.data;
      const offer: CustomerOwnershipOffer = { id: transferId, transferId, organizationId, toEmail, initiatedAt, expiresAt };
      return [{ type: 'put', collection: CUSTOMER_OWNERSHIP_OFFERS, document: offer }];
    }
    case 'OwnershipTransferAccepted':
    case 'OwnershipTransferExpired':
    case 'OwnershipTransferCancelled':
      return [withdrawOffer(event.data.transferId)];
  }
}
