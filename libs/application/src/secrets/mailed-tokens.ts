/**
 * Purposes of the tokens mailed to people, for `Secrets.derive(purpose)`. A writer records only
 * `tokenHash(secrets.derive(purpose))`; the mail sender derives the token again from the event,
 * so no usable credential is ever in the log, and a re-sent mail carries the same token.
 */
export const mailedTokenPurpose = {
  /** The ResellerRegistered / ResellerVerificationReissued event that recorded the hash. */
  resellerVerification: (eventId: string): string => `reseller-verification|${eventId}`,
  signInLink: (linkId: string): string => `sign-in-link|${linkId}`,
};
