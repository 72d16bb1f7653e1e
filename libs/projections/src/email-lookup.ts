import { createHmac } from 'node:crypto';
import { ERASED, normalizeEmail } from '@channel-ledger/domain';

/**
 * Read models that are looked up by e-mail address (the sign-in directory, support's contact
 * search) store a keyed hash of the address, never the address: a lookup hashes the address asked
 * for the same way. The key is derived from the ledger secret (`emailLookupKeyFrom(secrets)` in
 * libs/application) and set once per process, before projections run or are queried
 * (`useEmailLookupKey`); the API and the projector derive the same key from the same secret.
 * After a person is forgotten their address reads as "[erased]", which has no lookup key, so a
 * rebuilt read model finds nothing for them.
 */
let lookupKey = 'channel-ledger-development-email-lookup';

export function useEmailLookupKey(key: string): void {
  lookupKey = key;
}

/** The lookup key of an address (case and surrounding spaces ignored); null for an erased one. */
export function emailLookupOf(address: string): string | null {
  if (address === ERASED || address.length === 0) return null;
  return `e_${createHmac('sha256', lookupKey).update(normalizeEmail(address), 'utf8').digest('base64url').slice(0, 32)}`;
}
