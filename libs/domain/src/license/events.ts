import { DomainEvent } from '../shared/decider';
import { Actor, Email, Instant } from '../shared/types';

export type LicenseIssued = DomainEvent<
  'LicenseIssued',
  {
    licenseId: string;
    rightId: string;
    vendorId: string;
    licenseTemplateId: string;
    resellerId: string;
    /** Null for a license not linked to any customer (rule 14). */
    organizationId: string | null;
    /** Not-For-Resale, inherited from the right it was issued under (rule 14). */
    nfr: boolean;
    issuedAt: Instant;
  }
>;

export type LicenseDelivered = DomainEvent<
  'LicenseDelivered',
  { licenseId: string; toEmail: Email; deliveredBy: Actor; deliveredAt: Instant }
>;

export type LicenseRevoked = DomainEvent<'LicenseRevoked', { licenseId: string; reason: string; revokedBy: Actor; revokedAt: Instant }>;

export type LicenseEvent = LicenseIssued | LicenseDelivered | LicenseRevoked;
