import { fold } from '../shared/decider';
import { Actor, ResellerFacts } from '../shared/types';
import { specFor } from '../testing/given';
import { BlockIssuanceRight, ConsumeIssuanceRight, ExtendIssuanceRight, GrantIssuanceRight, IssuanceRightCommand } from './commands';
import { issuanceRightDecider, issuanceRightStream } from './decider';
import { IssuanceRightConsumed, IssuanceRightEvent } from './events';
import { issuanceRightFacts } from './queries';

const given = specFor(issuanceRightDecider);

// The decider sees a vendor admin acting as its vendor: the actor id is the vendor id.
const vendorAdmin: Actor = { kind: 'vendor-admin', id: 'vendor-1' };
const otherVendorAdmin: Actor = { kind: 'vendor-admin', id: 'vendor-2' };
const acmeActor: Actor = { kind: 'reseller', id: 'acme' };
const acme: ResellerFacts = {
  resellerId: 'acme',
  companyName: 'Acme Resellers Ltd',
  email: 'sales@acme.example',
  emailVerified: true,
  partnerKind: 'reseller',
};
const globex: ResellerFacts = { ...acme, resellerId: 'globex', companyName: 'Globex', email: 'p@globex.example' };

const grant = (over: Partial<GrantIssuanceRight> = {}): GrantIssuanceRight => ({
  type: 'GrantIssuanceRight',
  rightId: 'right-1',
  vendorId: 'vendor-1',
  resellerId: 'acme',
  licenseTemplateId: 'tpl-pro',
  maxLicenses: 2,
  expiresAt: '2026-12-31T00:00:00.000Z',
  nfr: false,
  now: '2026-03-01T00:00:00.000Z',
  actor: vendorAdmin,
  context: { reseller: acme },
  ...over,
});
const block = (over: Partial<BlockIssuanceRight> = {}): BlockIssuanceRight => ({
  type: 'BlockIssuanceRight',
  rightId: 'right-1',
  vendorId: 'vendor-1',
  reason: 'Partner agreement ended',
  now: '2026-04-01T00:00:00.000Z',
  actor: vendorAdmin,
  ...over,
});
const extend = (over: Partial<ExtendIssuanceRight> = {}): ExtendIssuanceRight => ({
  type: 'ExtendIssuanceRight',
  rightId: 'right-1',
  vendorId: 'vendor-1',
  expiresAt: null,
  maxLicenses: null,
  now: '2026-04-01T00:00:00.000Z',
  actor: vendorAdmin,
  ...over,
});
const consume = (licenseId: string, over: Partial<ConsumeIssuanceRight> = {}): ConsumeIssuanceRight => ({
  type: 'ConsumeIssuanceRight',
  rightId: 'right-1',
  licenseId,
  now: '2026-03-10T00:00:00.000Z',
  actor: acmeActor,
  context: { reseller: acme },
  ...over,
});

const granted: IssuanceRightEvent = {
  type: 'IssuanceRightGranted',
  data: {
    rightId: 'right-1',
    vendorId: 'vendor-1',
    resellerId: 'acme',
    licenseTemplateId: 'tpl-pro',
    maxLicenses: 2,
    expiresAt: '2026-12-31T00:00:00.000Z',
    nfr: false,
    grantedBy: vendorAdmin,
    grantedAt: '2026-03-01T00:00:00.000Z',
  },
};
const consumed = (licenseId: string, used: number): IssuanceRightConsumed => ({
  type: 'IssuanceRightConsumed',
  data: { rightId: 'right-1', licenseId, used, remaining: 2 - used, consumedAt: '2026-03-10T00:00:00.000Z' },
});
const blocked: IssuanceRightEvent = {
  type: 'IssuanceRightBlocked',
  data: { rightId: 'right-1', reason: 'Partner agreement ended', blockedBy: vendorAdmin, blockedAt: '2026-04-01T00:00:00.000Z' },
};

describe('issuance right', () => {
  it('names its stream issuance-right-<id>', () => {
    expect(issuanceRightStream('right-1')).toBe('issuance-right-right-1');
  });

  describe('GrantIssuanceRight', () => {
    it('a vendor admin grants a reseller N licenses of a template until a date', () => {
      given([]).when(grant()).then([granted]);
    });

    it('records an NFR grant as such', () => {
      given([])
        .when(grant({ nfr: true }))
        .then([{ ...granted, data: { ...granted.data, nfr: true } } as IssuanceRightEvent]);
    });

    it('only a vendor admin may grant', () => {
      given([])
        .when(grant({ actor: acmeActor }))
        .thenRefuses('not-permitted');
    });

    it("a vendor admin acts within its own vendor: it cannot grant another vendor's rights", () => {
      given([])
        .when(grant({ actor: otherVendorAdmin }))
        .thenRefuses('not-this-vendors-admin');
    });

    it('refuses an expiry that is not a date', () => {
      given([])
        .when(grant({ expiresAt: 'next year' }))
        .thenRefuses('invalid-expiry');
    });

    it('refuses an id already granted', () => {
      given([granted]).when(grant()).thenRefuses('issuance-right-already-granted');
    });

    it('refuses an unknown reseller', () => {
      given([])
        .when(grant({ context: { reseller: null } }))
        .thenRefuses('reseller-not-found');
    });

    it('refuses zero or fractional quotas', () => {
      given([])
        .when(grant({ maxLicenses: 0 }))
        .thenRefuses('invalid-max-licenses');
      given([])
        .when(grant({ maxLicenses: 1.5 }))
        .thenRefuses('invalid-max-licenses');
    });

    it('refuses an expiry that has already passed', () => {
      given([])
        .when(grant({ expiresAt: '2026-03-01T00:00:00.000Z' }))
        .thenRefuses('issuance-right-expiry-in-past');
    });
  });

  describe('BlockIssuanceRight', () => {
    it('the vendor admin blocks a right', () => {
      given([granted]).when(block()).then([blocked]);
    });

    it('is idempotent once blocked', () => {
      given([granted, blocked]).when(block()).then([]);
    });

    it('another vendor cannot see the right', () => {
      given([granted])
        .when(block({ vendorId: 'vendor-2', actor: otherVendorAdmin }))
        .thenRefuses('issuance-right-not-found');
    });

    it("a vendor admin cannot act under another vendor's name", () => {
      given([granted])
        .when(block({ actor: otherVendorAdmin }))
        .thenRefuses('not-this-vendors-admin');
    });

    it('only a vendor admin may block', () => {
      given([granted])
        .when(block({ actor: acmeActor }))
        .thenRefuses('not-permitted');
    });

    it('rule 12: a right is never deleted: there is no such command, and a blocked right keeps its history', () => {
      const commandTypes: IssuanceRightCommand['type'][] = [
        'GrantIssuanceRight',
        'BlockIssuanceRight',
        'ExtendIssuanceRight',
        'ConsumeIssuanceRight',
      ];
      expect(commandTypes.some((t) => /delete|remove/i.test(t))).toBe(false);
      const facts = issuanceRightFacts(fold(issuanceRightDecider, [granted, consumed('lic-1', 1), blocked]));
      expect(facts).toMatchObject({ blocked: true, used: 1, licenseIds: ['lic-1'] });
    });
  });

  describe('ExtendIssuanceRight', () => {
    const extended = (over: Partial<Extract<IssuanceRightEvent, { type: 'IssuanceRightExtended' }>['data']> = {}): IssuanceRightEvent => ({
      type: 'IssuanceRightExtended',
      data: {
        rightId: 'right-1',
        previousExpiresAt: '2026-12-31T00:00:00.000Z',
        expiresAt: '2026-12-31T00:00:00.000Z',
        previousMaxLicenses: 2,
        maxLicenses: 2,
        extendedBy: vendorAdmin,
        extendedAt: '2026-04-01T00:00:00.000Z',
        ...over,
      },
    });

    it('rule 12: the vendor admin moves the expiry later', () => {
      given([granted])
        .when(extend({ expiresAt: '2027-06-30T00:00:00Z' }))
        .then([extended({ expiresAt: '2027-06-30T00:00:00.000Z' })]);
    });

    it('rule 12: the vendor admin raises the quota, and the reseller can issue more', () => {
      given([granted])
        .when(extend({ maxLicenses: 5 }))
        .then([extended({ maxLicenses: 5 })]);
      given([granted, consumed('lic-1', 1), consumed('lic-2', 2), extended({ maxLicenses: 3 })])
        .when(consume('lic-3'))
        .then([
          {
            type: 'IssuanceRightConsumed',
            data: { rightId: 'right-1', licenseId: 'lic-3', used: 3, remaining: 0, consumedAt: '2026-03-10T00:00:00.000Z' },
          },
        ]);
    });

    it('rule 12: an expired right extended into the future can be used again', () => {
      const later = '2027-01-15T00:00:00.000Z';
      given([granted])
        .when(consume('lic-1', { now: later }))
        .thenRefuses('issuance-right-expired');
      given([granted, extended({ expiresAt: '2027-12-31T00:00:00.000Z' })])
        .when(consume('lic-1', { now: later }))
        .then([
          { type: 'IssuanceRightConsumed', data: { rightId: 'right-1', licenseId: 'lic-1', used: 1, remaining: 1, consumedAt: later } },
        ]);
    });

    it('only grows a right: a smaller quota or an earlier expiry is refused', () => {
      given([granted])
        .when(extend({ maxLicenses: 2 }))
        .thenRefuses('issuance-right-not-extended');
      given([granted])
        .when(extend({ expiresAt: '2026-12-30T00:00:00.000Z' }))
        .thenRefuses('issuance-right-not-extended');
    });

    it('refuses an extension that names nothing, a bad quota or a past expiry', () => {
      given([granted]).when(extend()).thenRefuses('invalid-extension');
      given([granted])
        .when(extend({ maxLicenses: 3.5 }))
        .thenRefuses('invalid-max-licenses');
      given([granted])
        .when(extend({ expiresAt: 'soon' }))
        .thenRefuses('invalid-expiry');
      given([granted])
        .when(extend({ expiresAt: '2027-01-01T00:00:00.000Z', now: '2027-02-01T00:00:00.000Z' }))
        .thenRefuses('issuance-right-expiry-in-past');
    });

    it('a blocked right stays blocked', () => {
      given([granted, blocked])
        .when(extend({ maxLicenses: 5 }))
        .thenRefuses('issuance-right-blocked');
    });

    it('only the vendor of the right extends it', () => {
      given([granted])
        .when(extend({ maxLicenses: 5, actor: acmeActor }))
        .thenRefuses('not-permitted');
      given([granted])
        .when(extend({ maxLicenses: 5, actor: otherVendorAdmin }))
        .thenRefuses('not-this-vendors-admin');
      given([granted])
        .when(extend({ maxLicenses: 5, actor: otherVendorAdmin, vendorId: 'vendor-2' }))
        .thenRefuses('issuance-right-not-found');
      given([])
        .when(extend({ maxLicenses: 5 }))
        .thenRefuses('issuance-right-not-found');
    });

    it('rule 12: an extended right keeps its history and counts', () => {
      const facts = issuanceRightFacts(fold(issuanceRightDecider, [granted, consumed('lic-1', 1), extended({ maxLicenses: 4 })]));
      expect(facts).toMatchObject({ maxLicenses: 4, used: 1, remaining: 3, licenseIds: ['lic-1'] });
    });
  });

  describe('ConsumeIssuanceRight', () => {
    it('rule 12: counts a license and reports what is left', () => {
      given([granted])
        .when(consume('lic-1'))
        .then([consumed('lic-1', 1)]);
    });

    it('rule 12: refuses the N+1th license', () => {
      given([granted, consumed('lic-1', 1), consumed('lic-2', 2)])
        .when(consume('lic-3'))
        .thenRefuses('issuance-right-used-up', /All 2 licenses/);
    });

    it('rule 12: refuses once expired', () => {
      given([granted])
        .when(consume('lic-1', { now: '2026-12-31T00:00:00.000Z' }))
        .thenRefuses('issuance-right-expired');
    });

    it('rule 12: refuses once blocked', () => {
      given([granted, blocked]).when(consume('lic-1')).thenRefuses('issuance-right-blocked');
    });

    it('rule 12: another reseller cannot use the right', () => {
      given([granted])
        .when(consume('lic-1', { actor: { kind: 'reseller', id: 'globex' }, context: { reseller: globex } }))
        .thenRefuses('issuance-right-not-found');
    });

    it('a retried consumption for the same license counts nothing', () => {
      given([granted, consumed('lic-1', 1)])
        .when(consume('lic-1'))
        .then([]);
    });

    it('rule 1: an unverified reseller cannot issue under a right', () => {
      given([granted])
        .when(consume('lic-1', { context: { reseller: { ...acme, emailVerified: false } } }))
        .thenRefuses('reseller-email-not-verified');
    });

    it('refuses a right that was never granted', () => {
      given([]).when(consume('lic-1')).thenRefuses('issuance-right-not-found');
    });
  });

  describe('issuanceRightFacts', () => {
    it('is null before the grant and counts consumptions after', () => {
      expect(issuanceRightFacts(fold(issuanceRightDecider, []))).toBeNull();
      expect(issuanceRightFacts(fold(issuanceRightDecider, [granted, consumed('lic-1', 1)]))).toEqual({
        rightId: 'right-1',
        vendorId: 'vendor-1',
        resellerId: 'acme',
        licenseTemplateId: 'tpl-pro',
        nfr: false,
        maxLicenses: 2,
        used: 1,
        remaining: 1,
        expiresAt: '2026-12-31T00:00:00.000Z',
        blocked: false,
        licenseIds: ['lic-1'],
      });
    });
  });
});
