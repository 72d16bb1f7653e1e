import { RuleViolation, violation } from './decider';
import { ResellerFacts } from './types';

/** Rule 1: a reseller can do nothing until its email is verified. */
export function requireVerifiedReseller(reseller: ResellerFacts | null | undefined): RuleViolation | null {
  if (!reseller) {
    return violation('reseller-not-found', 'No reseller is registered under this id.');
  }
  if (!reseller.emailVerified) {
    return violation(
      'reseller-email-not-verified',
      `${reseller.companyName} has not verified its email address (${reseller.email}) yet; follow the link sent there before doing anything else.`,
    );
  }
  return null;
}
