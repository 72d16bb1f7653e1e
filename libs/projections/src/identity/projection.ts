import { defineLedgerProjection } from '../engine/document-projection';
import { identityAccounts } from './accounts';
import { identityApiKeys } from './api-keys';
import { identityCollections } from './collections';

/**
 * `identity`: the directory sign-in consults (which roles an address may sign in as) and the
 * listing of API keys. Configured staff accounts are not here: they come from configuration.
 */
export const identityProjection = defineLedgerProjection({
  name: 'identity',
  // v2: accounts are keyed by the address's keyed hash (email-lookup.ts), not the address.
  version: 2,
  collections: identityCollections,
  documents: [identityAccounts, identityApiKeys],
});
