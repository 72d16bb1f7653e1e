import { Actor, isViolation, LicenseState, resolveActing, violation } from '@channel-ledger/domain';
import { RuleViolationError } from '../pipeline/errors';
import { Secrets } from '../secrets/secrets';
import { LedgerContext } from '../use-cases/ledger-context';
import { signedLicenseOf, signLicenseFile, SignedLicense } from './license-file';

export type IssuedLicenseState = Exclude<LicenseState, { status: 'none' }>;

export interface LicenseFile {
  license: SignedLicense;
  fileName: string;
  content: string;
}

/**
 * A license as its readers may see it: the customer's owner and accepted administrators of the
 * linked organization, the issuing reseller and support. Anyone else is told it does not exist.
 */
export async function readableLicense(ctx: LedgerContext, viewer: Actor, licenseId: string): Promise<IssuedLicenseState> {
  const state = await ctx.license(licenseId);
  if (state.status === 'none' || !(await mayRead(ctx, viewer, state))) {
    throw new RuleViolationError(violation('license-not-found', `No license ${licenseId} is visible to you.`));
  }
  return state;
}

/**
 * The signed file of a license, recomputed from its stream on every download, so it can be
 * fetched again at any time and is byte-for-byte the same each time.
 */
export async function licenseFileFor(ctx: LedgerContext, secrets: Secrets, viewer: Actor, licenseId: string): Promise<LicenseFile> {
  const state = await readableLicense(ctx, viewer, licenseId);
  if (state.status === 'revoked') {
    throw new RuleViolationError(
      violation('license-revoked', `This license was revoked at ${state.revokedAt}; it can no longer be downloaded.`),
    );
  }
  const license = signedLicenseOf(state)!;
  return {
    license,
    fileName: `${license.licenseId}.lic`,
    content: signLicenseFile(license, secrets.vendorSigningKey(license.vendorId).privateKey),
  };
}

async function mayRead(ctx: LedgerContext, viewer: Actor, state: IssuedLicenseState): Promise<boolean> {
  switch (viewer.kind) {
    case 'support':
      return true;
    case 'reseller':
      return state.resellerId === viewer.id;
    case 'customer': {
      if (state.organizationId === null) return false;
      // The organization's own rule of who is its customer: the owner or an accepted administrator.
      const acting = resolveActing(await ctx.organizationState(state.organizationId), viewer, null);
      return !isViolation(acting) && (acting.role.as === 'customer-owner' || acting.role.as === 'customer-admin');
    }
    default:
      return false;
  }
}
