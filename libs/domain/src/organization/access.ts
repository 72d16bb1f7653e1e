import { isViolation, RuleViolation, violation } from '../shared/decider';
import { requireActingReseller } from '../reseller/acting-reseller';
import { Actor, Email, normalizeEmail, ResellerFacts } from '../shared/types';
import { ActiveOrganization, OrganizationState } from './state';

/** The capacity in which the actor acts on this organization. */
export type OrganizationRole =
  | { readonly as: 'managing-reseller'; readonly reseller: ResellerFacts }
  | { readonly as: 'customer-owner'; readonly email: Email }
  | { readonly as: 'customer-admin'; readonly email: Email }
  | { readonly as: 'support'; readonly actor: Actor };

export interface Acting {
  readonly organization: ActiveOrganization;
  readonly role: OrganizationRole;
}

export function organizationNotFound(): RuleViolation {
  return violation('organization-not-found', 'No such organization.');
}

/**
 * Rule 1 is checked before anything about the organization. Another tenant (another reseller,
 * a public customer's non-managing reseller, an unrelated customer) is told the organization
 * does not exist, so its existence is never confirmed.
 */
export function resolveActing(state: OrganizationState, actor: Actor, reseller: ResellerFacts | null): Acting | RuleViolation {
  if (actor.kind === 'reseller') {
    const unverified = requireActingReseller(actor, reseller);
    if (unverified) return unverified;
  }
  if (state.status !== 'active') return organizationNotFound();
  const role = roleOf(state, actor, reseller);
  return isViolation(role) ? role : { organization: state, role };
}

function roleOf(organization: ActiveOrganization, actor: Actor, reseller: ResellerFacts | null): OrganizationRole | RuleViolation {
  switch (actor.kind) {
    case 'reseller':
      return reseller && reseller.resellerId === organization.managingReseller.resellerId
        ? { as: 'managing-reseller', reseller }
        : organizationNotFound();
    case 'customer': {
      // A signed-in customer is identified by the address it proved (sign-in link, rule 16).
      const email = normalizeEmail(actor.id);
      if (organization.owner.kind === 'customer' && organization.owner.email === email) {
        return { as: 'customer-owner', email };
      }
      if (organization.invitations.some((i) => i.email === email && i.status === 'accepted')) {
        return { as: 'customer-admin', email };
      }
      return organizationNotFound();
    }
    case 'support':
      return { as: 'support', actor };
    default:
      return organizationNotFound();
  }
}

/** Rule 8: names the reseller so the customer knows whom to ask. */
export function customerIsReadOnly(organization: ActiveOrganization, change: string): RuleViolation {
  const { companyName, email } = organization.managingReseller;
  return violation(
    'customer-is-read-only',
    `${organization.name} was bought through ${companyName}, so you cannot ${change} yourself; contact ${companyName} (${email}) to make this change.`,
    { resellerId: organization.managingReseller.resellerId, resellerCompanyName: companyName, resellerEmail: email },
  );
}

/** Changes only the managing reseller may make: customers get rule 8's answer, support a plain no. */
export function requireManagingReseller(acting: Acting, change: string): RuleViolation | null {
  switch (acting.role.as) {
    case 'managing-reseller':
      return null;
    case 'customer-owner':
    case 'customer-admin':
      return customerIsReadOnly(acting.organization, change);
    case 'support':
      return violation('not-permitted', `Only the managing reseller can ${change}.`);
  }
}
