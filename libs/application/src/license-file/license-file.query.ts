import { Actor, isViolation, LicenseState, resolveActing, violation } from '@channel-ledger/domain';
import { RuleViolationError } from '../pipeline/errors';
import { Secrets } from '../secrets/secrets';
import { LedgerContext } from '../use-cases/ledger-context';
import { signedLicenseOf, signLicenseFile, SignedLicense } from './license-file';

export interface LicenseFile {
  license: SignedLicense;
  fileName: string;
  content: string;
}

/**
 * The signed file of a license, recomputed from its stream on every download (so it can be
 * fetched again at any time and is the same each time). Readable by the customer's owner and
 * accepted administrators of the linked organization, the issuing reseller and support; anyone
 * else is told the license does not exist.
 */
export async function licenseFileFor(ctx: LedgerContext, secrets: Secrets, viewer: Actor, licenseId: string): Promise<LicenseFile> {
  const state = await ctx.license(licenseId);
  const license = signedLicenseOf(state);
  if (!license || !(await mayDownload(ctx, viewer, state))) {
    throw new RuleViolationError(violation('license-not-found', `No license ${licenseId} is visible to you.`));
  }
  if (state.status === 'revoked') {
    throw new RuleViolationError(violation('license-revoked', `This license was revoked at ${state.revokedAt}; it can no longer be downloaded.`));
  }
  return {
    license,
    fileName: `${license.licenseId}.lic`,
    content: signLicenseFile(license, secrets.vendorSigningKey(license.vendorId).privateKey),
  };
}

async function mayDownload(ctx: LedgerContext, viewer: Actor, state: LicenseState): Promise<boolean> {
  if (state.status === 'none') return false;
  switch (viewer.kind) {
    case 'support':
      return true;
    case 'reseller':
      return state.resellerId === viewer.id;
    case 'customer': {
      if (state.organizationId === null) return false;
      const organization = await ctx.organizationState(state.organizationId);
      // The organization's own rule of who is its customer (owner or accepted administrator).
      const acting = resolveActing(organization, viewer, null);
      return !isViolation(acting) && (acting.role.as === 'customer-owner' || acting.role.as === 'customer-admin');
    }
    default:
      return false;
  }
}
