import { issuanceRefusal } from '../issuance-right/queries';
import { organizationAcceptsLicensesFrom } from '../organization/queries';
import { Decision, RuleViolation, violation } from '../shared/decider';
import { requireActingReseller } from '../reseller/acting-reseller';
import { Actor, normalizeEmail, ResellerFacts } from '../shared/types';
import { DeliverLicense, IssueLicense, LicenseCommand, RevokeLicense } from './commands';
import { LicenseEvent } from './events';
import { LicenseState } from './state';

export function decideLicense(command: LicenseCommand, state: LicenseState): Decision<LicenseEvent> {
  switch (command.type) {
    case 'IssueLicense':
      return issue(command, state);
    case 'DeliverLicense':
      return deliver(command, state);
    case 'RevokeLicense':
      return revoke(command, state);
  }
}

function issue(command: IssueLicense, state: LicenseState): Decision<LicenseEvent> {
  const refused = requireActingReseller(command.actor, command.context.reseller);
  if (refused) return refused;
  const resellerId = command.context.reseller!.resellerId;
  const { right, organization } = command.context;
  if (state.status !== 'none') {
    const sameIssuance =
      state.rightId === command.rightId && state.resellerId === resellerId && state.organizationId === command.organizationId;
    return sameIssuance ? [] : violation('license-already-issued', 'A license with this id has already been issued.');
  }
  const rightRefused = issuanceRefusal(
    right && right.rightId === command.rightId ? right : null,
    resellerId,
    command.licenseId,
    command.now,
  );
  if (rightRefused) return rightRefused;
  const vendorId = right!.vendorId;
  if (command.organizationId !== null) {
    const customer = organization && organization.organizationId === command.organizationId ? organization : null;
    // Rule 13: the customer belongs to one vendor; even its own reseller cannot issue another vendor's license to it.
    if (customer && customer.managedByResellerId === resellerId && customer.vendorId !== vendorId) {
      return violation(
        'organization-of-another-vendor',
        `${customer.name} is a customer of another vendor; this issuance right cannot issue licenses to it.`,
      );
    }
    // Rule 13: other resellers see only public customers, and only to issue licenses.
    if (!customer || !organizationAcceptsLicensesFrom(customer, resellerId, vendorId)) {
      return violation('organization-not-found', 'No such organization.');
    }
  }
  return [
    {
      type: 'LicenseIssued',
      data: {
        licenseId: command.licenseId,
        rightId: right!.rightId,
        vendorId,
        licenseTemplateId: right!.licenseTemplateId,
        resellerId,
        organizationId: command.organizationId,
        nfr: right!.nfr,
        issuedAt: command.now,
      },
    },
  ];
}

function deliver(command: DeliverLicense, state: LicenseState): Decision<LicenseEvent> {
  const allowed = requireIssuerOrSupport(command.actor, command.context.reseller, state);
  if (allowed) return allowed;
  if (state.status === 'none') return licenseNotFound();
  if (state.status === 'revoked') {
    return violation('license-revoked', `This license was revoked at ${state.revokedAt} and cannot be delivered.`);
  }
  const toEmail = normalizeEmail(command.toEmail);
  const ownAddress = command.context.reseller?.email === toEmail;
  if (command.context.recipientIsReseller || ownAddress) {
    return violation('license-not-to-reseller', "A license is delivered to the customer's contact, never to a reseller's address.");
  }
  return [
    {
      type: 'LicenseDelivered',
      data: { licenseId: state.licenseId, toEmail, deliveredBy: command.actor, deliveredAt: command.now },
    },
  ];
}

function revoke(command: RevokeLicense, state: LicenseState): Decision<LicenseEvent> {
  const isVendorAdmin =
    command.actor.kind === 'vendor-admin' && state.status !== 'none' && command.context.adminOfVendorId === state.vendorId;
  if (!isVendorAdmin) {
    const allowed = requireIssuerOrSupport(command.actor, command.context.reseller, state);
    if (allowed) return allowed;
  }
  if (state.status === 'none') return licenseNotFound();
  if (state.status === 'revoked') return [];
  return [
    {
      type: 'LicenseRevoked',
      data: { licenseId: state.licenseId, reason: command.reason, revokedBy: command.actor, revokedAt: command.now },
    },
  ];
}

/** The issuing reseller (verified, rule 1) or support; anyone else is told the license does not exist. */
function requireIssuerOrSupport(actor: Actor, reseller: ResellerFacts | null, state: LicenseState): RuleViolation | null {
  if (actor.kind === 'support' || actor.kind === 'system') return null;
  if (actor.kind !== 'reseller') return licenseNotFound();
  const unverified = requireActingReseller(actor, reseller);
  if (unverified) return unverified;
  return state.status !== 'none' && state.resellerId === actor.id ? null : licenseNotFound();
}

function licenseNotFound(): RuleViolation {
  return violation('license-not-found', 'No such license.');
}
