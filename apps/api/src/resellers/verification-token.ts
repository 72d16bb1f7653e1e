import { tokenHash } from '@channel-ledger/application';

/**
 * What a verification is checked against: the hash the registration recorded. The token itself is
 * derived, never stored, and mailed by the mail sender (see apps/api/src/mail/mailed-tokens.ts).
 */
export const hashVerificationToken = tokenHash;
