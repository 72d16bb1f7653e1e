import { IssuanceRightFacts } from '../issuance-right/queries';
import { OrganizationFacts } from '../organization/queries';
import { Actor, Instant, ResellerFacts } from '../shared/types';

interface LicenseCommandBase {
  readonly licenseId: string;
  readonly now: Instant;
  readonly actor: Actor;
}

/**
 * Rule 14: linked to a customer (`organizationId`) or unlinked (null). The caller counts the
 * license on the right's stream (ConsumeIssuanceRight) before or after this; either order is
 * accepted because a license the right already counted stays allowed.
 */
export interface IssueLicense extends LicenseCommandBase {
  readonly type: 'IssueLicense';
  readonly rightId: string;
  readonly organizationId: string | null;
  readonly context: {
    readonly reseller: ResellerFacts | null;
    readonly right: IssuanceRightFacts | null;
    /** Null for an unlinked license, or when the organization does not exist. */
    readonly organization: OrganizationFacts | null;
  };
}

export interface DeliverLicense extends LicenseCommandBase {
  readonly type: 'DeliverLicense';
  readonly toEmail: string;
  readonly context: {
    /** The acting reseller; null when support or the system delivers. */
    readonly reseller: ResellerFacts | null;
    /** Rule 10: whether `toEmail` belongs to any registered reseller, looked up by the caller. */
    readonly recipientIsReseller: boolean;
  };
}

export interface RevokeLicense extends LicenseCommandBase {
  readonly type: 'RevokeLicense';
  readonly reason: string;
  readonly context: {
    readonly reseller: ResellerFacts | null;
    /** For a vendor admin: the vendor it administers, established by the caller. */
    readonly adminOfVendorId: string | null;
  };
}

export type LicenseCommand = IssueLicense | DeliverLicense | RevokeLicense;
