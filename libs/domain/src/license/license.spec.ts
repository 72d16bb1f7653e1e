import { IssuanceRightFacts } from '../issuance-right/queries';
import { OrganizationFacts } from '../organization/queries';
import { Actor, ResellerFacts } from '../shared/types';
import { specFor } from '../testing/given';
import { DeliverLicense, IssueLicense, RevokeLicense } from './commands';
import { licenseDecider, licenseStream } from './decider';
import { LicenseEvent, LicenseIssued } from './events';

const given = specFor(licenseDecider);

const now = '2026-03-10T00:00:00.000Z';
const acme: ResellerFacts = {
  resellerId: 'acme',
  companyName: 'Acme Resellers Ltd',
  email: 'sales@acme.example',
  emailVerified: true,
  partnerKind: 'reseller',
};
const globex: ResellerFacts = { ...acme, resellerId: 'globex', companyName: 'Globex', email: 'p@globex.example' };
const acmeActor: Actor = { kind: 'reseller', id: 'acme' };
const globexActor: Actor = { kind: 'reseller', id: 'globex' };
const support: Actor = { kind: 'support', id: 'agent-7' };
const vendorAdmin: Actor = { kind: 'vendor-admin', id: 'admin-1' };

const right = (over: Partial<IssuanceRightFacts> = {}): IssuanceRightFacts => ({
  rightId: 'right-1',
  vendorId: 'vendor-1',
  resellerId: 'acme',
  licenseTemplateId: 'tpl-pro',
  nfr: false,
  maxLicenses: 10,
  used: 3,
  remaining: 7,
  expiresAt: '2026-12-31T00:00:00.000Z',
  blocked: false,
  licenseIds: ['lic-a', 'lic-b', 'lic-c'],
  ...over,
});
const initech = (over: Partial<OrganizationFacts> = {}): OrganizationFacts => ({
  organizationId: 'org-1',
  vendorId: 'vendor-1',
  managedByResellerId: 'acme',
  isPublic: false,
  name: 'Initech',
  primaryContactEmail: 'bill@initech.example',
  ...over,
});

const issue = (over: Partial<IssueLicense> = {}, context: Partial<IssueLicense['context']> = {}): IssueLicense => ({
  type: 'IssueLicense',
  licenseId: 'lic-1',
  rightId: 'right-1',
  organizationId: 'org-1',
  now,
  actor: acmeActor,
  ...over,
  context: { reseller: acme, right: right(), organization: initech(), ...context },
});
const deliver = (over: Partial<DeliverLicense> = {}): DeliverLicense => ({
  type: 'DeliverLicense',
  licenseId: 'lic-1',
  toEmail: 'Bill@Initech.example',
  now: '2026-03-11T00:00:00.000Z',
  actor: acmeActor,
  context: { reseller: acme, recipientIsReseller: false },
  ...over,
});
const revoke = (over: Partial<RevokeLicense> = {}): RevokeLicense => ({
  type: 'RevokeLicense',
  licenseId: 'lic-1',
  reason: 'Customer refunded',
  now: '2026-03-12T00:00:00.000Z',
  actor: acmeActor,
  context: { reseller: acme, adminOfVendorId: null },
  ...over,
});

const issued = (over: Partial<LicenseIssued['data']> = {}): LicenseIssued => ({
  type: 'LicenseIssued',
  data: {
    licenseId: 'lic-1',
    rightId: 'right-1',
    vendorId: 'vendor-1',
    licenseTemplateId: 'tpl-pro',
    resellerId: 'acme',
    organizationId: 'org-1',
    nfr: false,
    issuedAt: now,
    ...over,
  },
});
const revoked: LicenseEvent = {
  type: 'LicenseRevoked',
  data: { licenseId: 'lic-1', reason: 'Customer refunded', revokedBy: acmeActor, revokedAt: '2026-03-12T00:00:00.000Z' },
};

describe('license', () => {
  it('names its stream license-<id>', () => {
    expect(licenseStream('lic-1')).toBe('license-lic-1');
  });

  describe('IssueLicense', () => {
    it("rule 14: issues a license linked to the reseller's customer", () => {
      given([]).when(issue()).then([issued()]);
    });

    it('rule 14: issues a license linked to no customer', () => {
      given([])
        .when(issue({ organizationId: null }, { organization: null }))
        .then([issued({ organizationId: null })]);
    });

    it('rule 14: a license issued under an NFR grant is flagged NFR', () => {
      given([])
        .when(issue({}, { right: right({ nfr: true }) }))
        .then([issued({ nfr: true })]);
    });

    it('rule 13: another reseller may issue to a public customer of the same vendor', () => {
      given([])
        .when(
          issue(
            { actor: globexActor },
            { reseller: globex, right: right({ resellerId: 'globex' }), organization: initech({ isPublic: true }) },
          ),
        )
        .then([issued({ resellerId: 'globex' })]);
    });

    it('rule 13: another reseller cannot issue to a customer that is not public', () => {
      given([])
        .when(issue({ actor: globexActor }, { reseller: globex, right: right({ resellerId: 'globex' }) }))
        .thenRefuses('organization-not-found');
    });

    it('rule 13: a public customer of another vendor is not visible', () => {
      given([])
        .when(
          issue(
            { actor: globexActor },
            { reseller: globex, right: right({ resellerId: 'globex', vendorId: 'vendor-2' }), organization: initech({ isPublic: true }) },
          ),
        )
        .thenRefuses('organization-not-found');
    });

    it("rule 13: a customer belongs to one vendor: its own reseller cannot issue another vendor's license to it", () => {
      given([])
        .when(issue({}, { right: right({ vendorId: 'vendor-2' }) }))
        .thenRefuses('organization-of-another-vendor');
    });

    it('refuses a customer that does not exist', () => {
      given([])
        .when(issue({}, { organization: null }))
        .thenRefuses('organization-not-found');
    });

    it('rule 12: refuses when the right is used up', () => {
      given([])
        .when(issue({}, { right: right({ used: 10, remaining: 0 }) }))
        .thenRefuses('issuance-right-used-up');
    });

    it('rule 12: a license the right already counted is issued even if that used the last slot', () => {
      given([])
        .when(issue({}, { right: right({ used: 10, remaining: 0, licenseIds: ['lic-1'] }) }))
        .then([issued()]);
    });

    it('rule 12: refuses when the right expired or is blocked', () => {
      given([])
        .when(issue({}, { right: right({ expiresAt: now }) }))
        .thenRefuses('issuance-right-expired');
      given([])
        .when(issue({}, { right: right({ blocked: true }) }))
        .thenRefuses('issuance-right-blocked');
    });

    it('rule 12: refuses a right held by another reseller, or a different right than named', () => {
      given([])
        .when(issue({}, { right: right({ resellerId: 'globex' }) }))
        .thenRefuses('issuance-right-not-found');
      given([])
        .when(issue({ rightId: 'right-2' }))
        .thenRefuses('issuance-right-not-found');
      given([])
        .when(issue({}, { right: null }))
        .thenRefuses('issuance-right-not-found');
    });

    it('rule 1: an unverified reseller cannot issue', () => {
      given([])
        .when(issue({}, { reseller: { ...acme, emailVerified: false } }))
        .thenRefuses('reseller-email-not-verified');
    });

    it('is idempotent for the same issuance and refuses a different one under the same id', () => {
      given([issued()]).when(issue()).then([]);
      given([issued()])
        .when(issue({ organizationId: null }, { organization: null }))
        .thenRefuses('license-already-issued');
    });
  });

  describe('DeliverLicense', () => {
    it("delivers the license to the customer's address", () => {
      given([issued()])
        .when(deliver())
        .then([
          {
            type: 'LicenseDelivered',
            data: { licenseId: 'lic-1', toEmail: 'bill@initech.example', deliveredBy: acmeActor, deliveredAt: '2026-03-11T00:00:00.000Z' },
          },
        ]);
    });

    it("rule 10: a license is never delivered to a reseller's address", () => {
      given([issued()])
        .when(deliver({ toEmail: 'p@globex.example', context: { reseller: acme, recipientIsReseller: true } }))
        .thenRefuses('license-not-to-reseller', /never to a reseller/);
    });

    it("rule 10: not even to the issuing reseller's own address", () => {
      given([issued()])
        .when(deliver({ toEmail: 'SALES@acme.example' }))
        .thenRefuses('license-not-to-reseller');
    });

    it('support may deliver too, under the same rule', () => {
      given([issued()])
        .when(deliver({ actor: support, context: { reseller: null, recipientIsReseller: true } }))
        .thenRefuses('license-not-to-reseller');
    });

    it('refuses a revoked license', () => {
      given([issued(), revoked]).when(deliver()).thenRefuses('license-revoked');
    });

    it('another reseller is told the license does not exist', () => {
      given([issued()])
        .when(deliver({ actor: globexActor, context: { reseller: globex, recipientIsReseller: false } }))
        .thenRefuses('license-not-found');
    });

    it('refuses a license never issued', () => {
      given([]).when(deliver()).thenRefuses('license-not-found');
    });
  });

  describe('RevokeLicense', () => {
    it('the issuing reseller revokes', () => {
      given([issued()]).when(revoke()).then([revoked]);
    });

    it("the vendor's admin revokes", () => {
      given([issued()])
        .when(revoke({ actor: vendorAdmin, context: { reseller: null, adminOfVendorId: 'vendor-1' } }))
        .then([{ ...revoked, data: { ...revoked.data, revokedBy: vendorAdmin } } as LicenseEvent]);
    });

    it("another vendor's admin cannot", () => {
      given([issued()])
        .when(revoke({ actor: vendorAdmin, context: { reseller: null, adminOfVendorId: 'vendor-2' } }))
        .thenRefuses('license-not-found');
    });

    it('another reseller cannot', () => {
      given([issued()])
        .when(revoke({ actor: globexActor, context: { reseller: globex, adminOfVendorId: null } }))
        .thenRefuses('license-not-found');
    });

    it('is idempotent once revoked', () => {
      given([issued(), revoked]).when(revoke()).then([]);
    });

    it('refuses a license never issued', () => {
      given([]).when(revoke()).thenRefuses('license-not-found');
    });
  });
});
