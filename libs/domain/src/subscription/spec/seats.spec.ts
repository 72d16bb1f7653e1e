import { AssignSeat, seatSummary, UnassignSeat } from '../index';
import { acme, addSeats, asReseller, customer, decided, given, purchased, stateAfter, utc } from './fixtures';

const assign = (email: string, extra: Partial<AssignSeat> = {}): AssignSeat => ({
  type: 'AssignSeat',
  subscriptionId: 'sub-1',
  email,
  now: utc('2026-03-01'),
  actor: asReseller(),
  context: { reseller: acme },
  ...extra,
});
const unassign = (email: string, extra: Partial<UnassignSeat> = {}): UnassignSeat => ({
  type: 'UnassignSeat',
  subscriptionId: 'sub-1',
  email,
  now: utc('2026-03-02'),
  actor: asReseller(),
  context: { reseller: acme },
  ...extra,
});
const twoSeats = () => purchased({ seats: 2 });

describe('seat assignment', () => {
  it('assigns a seat to a user by email', () => {
    given(twoSeats())
      .when(assign(' Ann@Globex.example'))
      .then([{ type: 'SeatAssigned', data: { subscriptionId: 'sub-1', email: 'ann@globex.example', assignedAt: utc('2026-03-01') } }]);
  });

  it('never assigns more seats than were bought', () => {
    const full = decided(decided(twoSeats(), assign('ann@globex.example')), assign('bob@globex.example'));
    given(full)
      .when(assign('cid@globex.example'))
      .thenRefuses('no-free-seats', /All 2 seats/);
    // …until seats are added, which count at once (rule 4).
    given(decided(full, addSeats(1, utc('2026-03-01'))))
      .when(assign('cid@globex.example'))
      .then([{ type: 'SeatAssigned', data: { subscriptionId: 'sub-1', email: 'cid@globex.example', assignedAt: utc('2026-03-01') } }]);
  });

  it('refuses assigning the same person twice', () => {
    given(decided(twoSeats(), assign('ann@globex.example')))
      .when(assign('ANN@globex.example'))
      .thenRefuses('seat-already-assigned');
  });
  it('refuses something that is not an email', () => {
    given(twoSeats()).when(assign('ann')).thenRefuses('invalid-email');
  });
  it('refuses a customer of the reseller (rule 8)', () => {
    given(twoSeats())
      .when(assign('ann@globex.example', { actor: customer, context: {} }))
      .thenRefuses('customer-is-read-only');
  });
  it('refuses once the subscription has ended', () => {
    given(twoSeats())
      .when(assign('ann@globex.example', { now: utc('2027-02-01') }))
      .thenRefuses('subscription-expired');
  });

  it('unassigns a seat, freeing it', () => {
    const events = decided(twoSeats(), assign('ann@globex.example'));
    given(events)
      .when(unassign('ann@globex.example'))
      .then([{ type: 'SeatUnassigned', data: { subscriptionId: 'sub-1', email: 'ann@globex.example', unassignedAt: utc('2026-03-02') } }]);
    expect(seatSummary(stateAfter(decided(events, unassign('ann@globex.example'))), utc('2026-03-03'))).toEqual({
      purchased: 2,
      assigned: 0,
      free: 2,
      assignedTo: [],
    });
  });
  it('refuses unassigning someone without a seat', () => {
    given(twoSeats()).when(unassign('zed@globex.example')).thenRefuses('seat-not-assigned');
  });
  it('refuses a customer unassigning (rule 8)', () => {
    given(decided(twoSeats(), assign('ann@globex.example')))
      .when(unassign('ann@globex.example', { actor: customer, context: {} }))
      .thenRefuses('customer-is-read-only');
  });

  it('summarises seats bought and assigned for read models', () => {
    const events = decided(twoSeats(), assign('ann@globex.example'));
    expect(seatSummary(stateAfter(events), utc('2026-03-01'))).toEqual({
      purchased: 2,
      assigned: 1,
      free: 1,
      assignedTo: ['ann@globex.example'],
    });
    expect(seatSummary(stateAfter(events), utc('2027-02-01')).purchased).toBe(0);
  });
});
