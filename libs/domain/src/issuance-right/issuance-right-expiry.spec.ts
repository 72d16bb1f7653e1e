import { fold } from '../shared/decider';
import { specFor } from '../testing/given';
import { issuanceRightDecider } from './decider';
import { IssuanceRightEvent } from './events';
import { CloseExpiredIssuanceRight, issuanceRightExpiryDecider, IssuanceRightStreamEvent } from './expiry';
import { issuanceRightFacts } from './queries';

const given = specFor(issuanceRightExpiryDecider);
const vendorAdmin = { kind: 'vendor-admin' as const, id: 'vendor-1' };

const granted: IssuanceRightEvent = {
  type: 'IssuanceRightGranted',
  data: {
    rightId: 'right-1',
    vendorId: 'vendor-1',
    resellerId: 'acme',
    licenseTemplateId: 'tpl-pro',
    maxLicenses: 3,
    expiresAt: '2026-12-31T00:00:00Z',
    nfr: false,
    grantedBy: vendorAdmin,
    grantedAt: '2026-03-01T00:00:00.000Z',
  },
};
const consumed: IssuanceRightEvent = {
  type: 'IssuanceRightConsumed',
  data: { rightId: 'right-1', licenseId: 'license-1', used: 1, remaining: 2, consumedAt: '2026-04-01T00:00:00.000Z' },
};
const close = (now: string, over: Partial<CloseExpiredIssuanceRight> = {}): CloseExpiredIssuanceRight => ({
  type: 'CloseExpiredIssuanceRight',
  rightId: 'right-1',
  now,
  actor: { kind: 'system', id: 'issuance-right-expiry' },
  ...over,
});
const closed: IssuanceRightStreamEvent = {
  type: 'IssuanceRightExpired',
  data: {
    rightId: 'right-1',
    vendorId: 'vendor-1',
    resellerId: 'acme',
    licenseTemplateId: 'tpl-pro',
    expiresAt: '2026-12-31T00:00:00.000Z',
    maxLicenses: 3,
    used: 1,
    remaining: 2,
    closedAt: '2026-12-31T00:00:00.000Z',
  },
};

describe('CloseExpiredIssuanceRight (rule 12: a right ends when it expires, and is never deleted)', () => {
  it('closes the right at its expiry, with what was used of it', () => {
    given([granted, consumed]).when(close('2026-12-31T00:00:00.000Z')).then([closed]);
  });

  it('records nothing before the expiry, twice, for a blocked right or an unknown one', () => {
    given([granted]).when(close('2026-12-30T23:59:59.999Z')).then([]);
    given([granted, consumed, closed]).when(close('2027-01-05T00:00:00.000Z')).then([]);
    given([
      granted,
      {
        type: 'IssuanceRightBlocked',
        data: { rightId: 'right-1', reason: 'ended', blockedBy: vendorAdmin, blockedAt: '2026-06-01T00:00:00.000Z' },
      },
    ])
      .when(close('2027-01-01T00:00:00.000Z'))
      .then([]);
    given([]).when(close('2027-01-01T00:00:00.000Z')).then([]);
  });

  it('follows an extension: the new expiry is what counts', () => {
    const extended: IssuanceRightEvent = {
      type: 'IssuanceRightExtended',
      data: {
        rightId: 'right-1',
        previousExpiresAt: '2026-12-31T00:00:00Z',
        expiresAt: '2027-06-30T00:00:00.000Z',
        previousMaxLicenses: 3,
        maxLicenses: 3,
        extendedBy: vendorAdmin,
        extendedAt: '2026-11-01T00:00:00.000Z',
      },
    };
    given([granted, extended]).when(close('2026-12-31T00:00:00.000Z')).then([]);
    given([granted, extended])
      .when(close('2027-06-30T00:00:00.000Z'))
      .then([
        {
          type: 'IssuanceRightExpired',
          data: { ...closed.data, used: 0, remaining: 3, expiresAt: '2027-06-30T00:00:00.000Z', closedAt: '2027-06-30T00:00:00.000Z' },
        },
      ]);
  });

  it('keeps the right on record with the licenses issued under it; it can no longer be extended or blocked', () => {
    const state = fold(issuanceRightExpiryDecider, [granted, consumed, closed]);
    expect(issuanceRightFacts(state)).toMatchObject({ rightId: 'right-1', licenseIds: ['license-1'], used: 1, blocked: false });
    const extend = issuanceRightDecider.decide(
      {
        type: 'ExtendIssuanceRight',
        rightId: 'right-1',
        vendorId: 'vendor-1',
        expiresAt: '2027-12-31T00:00:00.000Z',
        maxLicenses: null,
        now: '2027-01-02T00:00:00.000Z',
        actor: vendorAdmin,
      },
      state,
    );
    expect(extend).toMatchObject({ kind: 'rule-violation', code: 'issuance-right-closed' });
    expect(
      issuanceRightDecider.decide(
        {
          type: 'BlockIssuanceRight',
          rightId: 'right-1',
          vendorId: 'vendor-1',
          reason: 'x',
          now: '2027-01-02T00:00:00.000Z',
          actor: vendorAdmin,
        },
        state,
      ),
    ).toEqual([]);
  });

  it('is the ledger closing it: a vendor admin blocks instead', () => {
    given([granted])
      .when(close('2027-01-01T00:00:00.000Z', { actor: vendorAdmin }))
      .thenRefuses('actor-not-allowed');
  });
});
