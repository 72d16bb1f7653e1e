import { fold } from '../shared/decider';
import { AcceptOwnership, CancelOwnershipTransfer, ExpireOwnershipTransfer, InitiateOwnershipTransfer } from './commands';
import { organizationDecider } from './decider';
import { OrganizationEvent } from './events';
import {
  acmeActor,
  asAcme,
  asCustomer,
  asGlobex,
  at,
  created,
  customer,
  given,
  ownedByCustomer,
  system,
  transferAccepted,
  transferInitiated,
  unverifiedAcme,
} from './organization.fixtures';
import { canManageOrganization, openOwnershipTransfer } from './queries';

const initiate = (over: Partial<InitiateOwnershipTransfer> = {}): InitiateOwnershipTransfer => ({
  type: 'InitiateOwnershipTransfer',
  organizationId: 'org-1',
  transferId: 't-1',
  toEmail: 'Bill@Initech.example',
  now: at(0),
  ...asAcme,
  ...over,
});
const accept = (over: Partial<AcceptOwnership> = {}): AcceptOwnership => ({
  type: 'AcceptOwnership',
  organizationId: 'org-1',
  transferId: 't-1',
  byEmail: 'bill@initech.example',
  now: at(2),
  actor: customer('bill@initech.example'),
  ...over,
});
const sweep = (now: string, over: Partial<ExpireOwnershipTransfer> = {}): ExpireOwnershipTransfer => ({
  type: 'ExpireOwnershipTransfer',
  organizationId: 'org-1',
  now,
  actor: system,
  ...over,
});
const cancel = (over: Partial<CancelOwnershipTransfer> = {}): CancelOwnershipTransfer => ({
  type: 'CancelOwnershipTransfer',
  organizationId: 'org-1',
  transferId: 't-1',
  now: at(1),
  ...asAcme,
  ...over,
});
const expiredT1: OrganizationEvent = {
  type: 'OwnershipTransferExpired',
  data: { organizationId: 'org-1', transferId: 't-1', toEmail: 'bill@initech.example', expiresAt: at(7), recordedAt: at(9) },
};

describe('InitiateOwnershipTransfer', () => {
  it('rule 3: opens a transfer that expires 7 days later', () => {
    given([created()])
      .when(initiate())
      .then([transferInitiated('t-1', at(0))]);
  });

  it('rule 3: at most one open transfer', () => {
    given([created(), transferInitiated()])
      .when(initiate({ transferId: 't-2', now: at(6, 23) }))
      .thenRefuses('transfer-already-open', /bill@initech\.example/);
  });

  it('rule 3: once 7 days have passed the reseller may initiate again, even if no sweep recorded the expiry', () => {
    given([created(), transferInitiated()])
      .when(initiate({ transferId: 't-2', now: at(9) }))
      .then([expiredT1, transferInitiated('t-2', at(9))]);
  });

  it('may initiate again after a sweep recorded the expiry', () => {
    given([created(), transferInitiated(), expiredT1])
      .when(initiate({ transferId: 't-2', now: at(9) }))
      .then([transferInitiated('t-2', at(9))]);
  });

  it('refuses once the customer owns the organization', () => {
    given([created(), transferInitiated(), transferAccepted])
      .when(initiate({ transferId: 't-2', now: at(3) }))
      .thenRefuses('ownership-already-transferred');
  });

  it("rule 2: ownership goes to the customer, never to the reseller's own address", () => {
    given([created()])
      .when(initiate({ toEmail: 'sales@acme.example' }))
      .thenRefuses('customer-contact-is-reseller');
  });

  it('rule 1: an unverified reseller cannot initiate a transfer', () => {
    given([created()])
      .when(initiate({ context: { reseller: unverifiedAcme } }))
      .thenRefuses('reseller-email-not-verified');
  });

  it('rule 13: another reseller is told the organization does not exist, even if it is public', () => {
    given([created({ isPublic: true })])
      .when(initiate(asGlobex))
      .thenRefuses('organization-not-found');
  });

  it('rule 8: the customer owner cannot re-transfer; it is told to contact the reseller', () => {
    given(ownedByCustomer)
      .when(initiate({ transferId: 't-2', toEmail: 'someone@initech.example', now: at(4), ...asCustomer('bill@initech.example') }))
      .thenRefuses('customer-is-read-only', /Acme Resellers Ltd \(sales@acme\.example\)/);
  });
});

describe('AcceptOwnership', () => {
  it('rule 2: the invited customer becomes the owner', () => {
    given([created(), transferInitiated()]).when(accept()).then([transferAccepted]);
  });

  it('rule 2: until accepted, the reseller stays the owner', () => {
    const state = fold(organizationDecider, [created(), transferInitiated()]);
    expect(state.status === 'active' && state.owner).toEqual({ kind: 'reseller', resellerId: 'acme' });
    const after = fold(organizationDecider, [created(), transferInitiated(), transferAccepted]);
    expect(after.status === 'active' && after.owner).toEqual({ kind: 'customer', email: 'bill@initech.example' });
    // The reseller still manages what it sold (rule 8 keeps the customer read-only).
    expect(canManageOrganization(after, 'acme')).toBe(true);
  });

  it('accepts one millisecond before the 7 days are up', () => {
    const justInTime = new Date(Date.parse(at(7)) - 1).toISOString();
    given([created(), transferInitiated()])
      .when(accept({ now: justInTime }))
      .then([{ ...transferAccepted, data: { ...transferAccepted.data, acceptedAt: justInTime } }]);
  });

  it('rule 3: acceptance of an offer whose lapse was recorded is refused as expired, not as unknown', () => {
    given([created(), transferInitiated(), expiredT1])
      .when(accept({ now: at(8) }))
      .thenRefuses('transfer-expired', /Acme Resellers Ltd/);
  });

  it('rule 3: acceptance after 7 days is refused even without a sweep', () => {
    given([created(), transferInitiated()])
      .when(accept({ now: at(7) }))
      .thenRefuses('transfer-expired', /Acme Resellers Ltd/);
  });

  it('refuses another address', () => {
    given([created(), transferInitiated()])
      .when(accept({ byEmail: 'mallory@evil.example', actor: customer('mallory@evil.example') }))
      .thenRefuses('transfer-not-for-this-email');
  });

  it("rule 2: the reseller cannot accept on the customer's behalf", () => {
    given([created(), transferInitiated()])
      .when(accept({ actor: acmeActor }))
      .thenRefuses('transfer-not-for-this-email');
  });

  it('refuses an unknown or settled transfer', () => {
    given([created(), transferInitiated()])
      .when(accept({ transferId: 't-9' }))
      .thenRefuses('no-pending-transfer');
    // A lapsed offer is refused as expired (see rule 3 above); a cancelled one is simply gone.
    given([]).when(accept()).thenRefuses('no-pending-transfer');
  });
});

describe('ExpireOwnershipTransfer', () => {
  it('rule 3: records the expiry once 7 days have passed', () => {
    given([created(), transferInitiated()])
      .when(sweep(at(9)))
      .then([expiredT1]);
  });

  it('records nothing before the expiry', () => {
    given([created(), transferInitiated()])
      .when(sweep(at(6)))
      .then([]);
  });

  it('is idempotent: nothing more once recorded, nothing when no transfer is pending', () => {
    given([created(), transferInitiated(), expiredT1])
      .when(sweep(at(10)))
      .then([]);
    given([created()])
      .when(sweep(at(10)))
      .then([]);
    given([])
      .when(sweep(at(10)))
      .then([]);
  });

  it('ignores a sweep aimed at another transfer', () => {
    given([created(), transferInitiated()])
      .when(sweep(at(9), { transferId: 't-0' }))
      .then([]);
  });

  it('rule 3: the open-transfer query treats a lapsed transfer as closed', () => {
    const state = fold(organizationDecider, [created(), transferInitiated()]);
    expect(openOwnershipTransfer(state, at(6))?.transferId).toBe('t-1');
    expect(openOwnershipTransfer(state, at(7))).toBeNull();
  });
});

describe('CancelOwnershipTransfer', () => {
  it('the reseller cancels an open transfer', () => {
    given([created(), transferInitiated()])
      .when(cancel())
      .then([
        {
          type: 'OwnershipTransferCancelled',
          data: {
            organizationId: 'org-1',
            transferId: 't-1',
            toEmail: 'bill@initech.example',
            cancelledByResellerId: 'acme',
            cancelledAt: at(1),
          },
        },
      ]);
  });

  it('refuses when there is no such open transfer', () => {
    given([created()]).when(cancel()).thenRefuses('no-pending-transfer');
  });

  it('refuses a transfer that already expired', () => {
    given([created(), transferInitiated()])
      .when(cancel({ now: at(8) }))
      .thenRefuses('transfer-expired');
  });

  it('rule 13: another reseller cannot cancel it', () => {
    given([created(), transferInitiated()]).when(cancel(asGlobex)).thenRefuses('organization-not-found');
  });
});
