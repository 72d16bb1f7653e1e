import { specFor } from '../testing/given';
import { organizationDecider } from './decider';
import { OrganizationEvent } from './events';
import { at, created, system, transferAccepted, transferInitiated, asAcme } from './organization.fixtures';
import {
  ownershipTransferReminderDecider,
  ownershipTransferReminderDueAt,
  OrganizationStreamEvent,
  RemindOwnershipTransfer,
} from './reminders/ownership-transfer-reminder';
import { fold } from '../shared/decider';

const given = specFor(ownershipTransferReminderDecider);
const remind = (now: string, over: Partial<RemindOwnershipTransfer> = {}): RemindOwnershipTransfer => ({
  type: 'RemindOwnershipTransfer',
  organizationId: 'org-1',
  transferId: 't-1',
  now,
  actor: { ...system, id: 'reminders' },
  ...over,
});
const offered: OrganizationEvent[] = [created(), transferInitiated()];
const reminded: OrganizationStreamEvent = {
  type: 'OwnershipTransferReminded',
  data: { organizationId: 'org-1', transferId: 't-1', toEmail: 'bill@initech.example', expiresAt: at(7), remindedAt: at(6) },
};

describe('RemindOwnershipTransfer (the offer lapses in 24 h)', () => {
  it('is due a day before the offer lapses', () => {
    expect(ownershipTransferReminderDueAt(at(7))).toBe(at(6));
  });

  it('records the reminder to the invited contact, with the moment the offer lapses', () => {
    given(offered)
      .when(remind(at(6)))
      .then([reminded]);
  });

  it('is recorded once, however often it is sent', () => {
    given([...offered, reminded])
      .when(remind(at(6, 1)))
      .then([]);
  });

  it('records nothing once the offer was accepted, cancelled, has lapsed, or for another offer', () => {
    given([...offered, transferAccepted])
      .when(remind(at(6)))
      .then([]);
    given(offered)
      .when(remind(at(7)))
      .then([]);
    given(offered)
      .when(remind(at(6), { transferId: 't-0' }))
      .then([]);
    given([])
      .when(remind(at(6)))
      .then([]);
  });

  it('is the ledger talking: nobody else sends it', () => {
    given(offered)
      .when(remind(at(6), { actor: { kind: 'reseller', id: 'acme' } }))
      .thenRefuses('actor-not-allowed');
  });

  it('leaves the offer as it was: the customer can still accept, the reseller still cancel, the sweep still expire it', () => {
    const state = fold(ownershipTransferReminderDecider, [...offered, reminded]);
    expect(state).toMatchObject({ transfer: { status: 'pending', transferId: 't-1', remindedAt: at(6) } });
    const cancel = organizationDecider.decide(
      { type: 'CancelOwnershipTransfer', organizationId: 'org-1', transferId: 't-1', now: at(6, 2), ...asAcme },
      state,
    );
    expect(cancel).toEqual([expect.objectContaining({ type: 'OwnershipTransferCancelled' })]);
    const sweep = organizationDecider.decide(
      { type: 'ExpireOwnershipTransfer', organizationId: 'org-1', transferId: 't-1', now: at(7), actor: system },
      state,
    );
    expect(sweep).toEqual([
      expect.objectContaining({ type: 'OwnershipTransferExpired', data: expect.objectContaining({ expiresAt: at(7), recordedAt: at(7) }) }),
    ]);
  });
});
