import { Decider, DomainEvent, violation } from '../shared/decider';
import { Actor, Email, Instant, normalizeEmail } from '../shared/types';

export type StaffRole = 'vendor-admin' | 'support' | 'auditor' | 'operator';

/**
 * A staff account granted by a staff member: support grants support, auditor and operator
 * accounts; a vendor administrator grants administrators of its own vendor. The first accounts
 * come from configuration and have no event.
 */
export type StaffAccountGranted = DomainEvent<
  'StaffAccountGranted',
  { email: Email; role: StaffRole; vendorId: string | null; grantedBy: Actor; grantedAt: Instant }
>;
export type StaffAccountRevoked = DomainEvent<
  'StaffAccountRevoked',
  { email: Email; role: StaffRole; vendorId: string | null; revokedBy: Actor; revokedAt: Instant }
>;
export type StaffAccountEvent = StaffAccountGranted | StaffAccountRevoked;

export interface StaffAccountCommand {
  readonly type: 'GrantStaffAccount' | 'RevokeStaffAccount';
  readonly email: Email;
  readonly role: StaffRole;
  readonly vendorId: string | null;
  readonly now: Instant;
  /** The granting party as the deciders see it: support:<email> or vendor-admin:<vendorId>. */
  readonly actor: Actor;
}

export type StaffAccountState = { readonly status: 'none' | 'granted' | 'revoked' };

function mayGrant(actor: Actor, role: StaffRole, vendorId: string | null): boolean {
  if (actor.kind === 'support') return role === 'support' || role === 'auditor' || role === 'operator';
  if (actor.kind === 'vendor-admin') return role === 'vendor-admin' && vendorId === actor.id;
  return false;
}

function decide(command: StaffAccountCommand, state: StaffAccountState) {
  if (!mayGrant(command.actor, command.role, command.vendorId)) {
    return violation(
      'not-permitted',
      `You cannot grant or revoke ${command.role} accounts${command.vendorId ? ` of vendor ${command.vendorId}` : ''}.`,
    );
  }
  const { role, vendorId, now } = command;
  const email = normalizeEmail(command.email);
  if (command.type === 'GrantStaffAccount') {
    if (state.status === 'granted') return [];
    return [
      { type: 'StaffAccountGranted', data: { email, role, vendorId, grantedBy: command.actor, grantedAt: now } } as StaffAccountEvent,
    ];
  }
  if (state.status !== 'granted') return violation('staff-account-not-found', 'No such staff account.');
  return [{ type: 'StaffAccountRevoked', data: { email, role, vendorId, revokedBy: command.actor, revokedAt: now } } as StaffAccountEvent];
}

function evolve(_: StaffAccountState, event: StaffAccountEvent): StaffAccountState {
  return { status: event.type === 'StaffAccountGranted' ? 'granted' : 'revoked' };
}

export const staffAccountDecider: Decider<StaffAccountCommand, StaffAccountEvent, StaffAccountState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};

/** One stream per role, vendor and address, so a grant is naturally idempotent. */
export const staffAccountStream = (role: StaffRole, vendorId: string | null, email: Email): string =>
  `staff-account-${role}.${vendorId ?? '-'}.${normalizeEmail(email)}`;
