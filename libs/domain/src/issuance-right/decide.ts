import { canonicalInstant } from '../money/billing-period';
import { Decision, RuleViolation, violation } from '../shared/decider';
import { requireActingReseller } from '../reseller/acting-reseller';
import { Actor, isAtOrAfter } from '../shared/types';
import { BlockIssuanceRight, ConsumeIssuanceRight, ExtendIssuanceRight, GrantIssuanceRight, IssuanceRightCommand } from './commands';
import { IssuanceRightEvent } from './events';
import { issuanceRefusal, issuanceRightFacts } from './queries';
import { IssuanceRightState } from './state';

export function decideIssuanceRight(command: IssuanceRightCommand, state: IssuanceRightState): Decision<IssuanceRightEvent> {
  switch (command.type) {
    case 'GrantIssuanceRight':
      return grant(command, state);
    case 'BlockIssuanceRight':
      return block(command, state);
    case 'ExtendIssuanceRight':
      return extend(command, state);
    case 'ConsumeIssuanceRight':
      return consume(command, state);
  }
}

/**
 * A vendor admin acts within its own vendor only: the actor the decider sees is the admin acting
 * as its vendor (its id is the vendor id), so a command naming any other vendor is refused.
 */
function requireAdminOf(actor: Actor, vendorId: string, action: string): RuleViolation | null {
  if (actor.kind !== 'vendor-admin') {
    return violation('not-permitted', `Only a vendor admin can ${action} license issuance rights.`);
  }
  if (actor.id !== vendorId) {
    return violation('not-this-vendors-admin', `You administer another vendor; you cannot ${action} issuance rights of ${vendorId}.`, {
      vendorId,
    });
  }
  return null;
}

function invalidInstant(instant: string): boolean {
  return typeof instant !== 'string' || Number.isNaN(Date.parse(instant));
}

function grant(command: GrantIssuanceRight, state: IssuanceRightState): Decision<IssuanceRightEvent> {
  const denied = requireAdminOf(command.actor, command.vendorId, 'grant');
  if (denied) return denied;
  if (state.status !== 'none') {
    return violation('issuance-right-already-granted', 'A license issuance right with this id already exists.');
  }
  const reseller = command.context.reseller;
  if (!reseller || reseller.resellerId !== command.resellerId) {
    return violation('reseller-not-found', 'No reseller is registered under this id.');
  }
  if (!Number.isInteger(command.maxLicenses) || command.maxLicenses < 1) {
    return violation('invalid-max-licenses', 'A license issuance right allows at least one license, as a whole number.');
  }
  if (invalidInstant(command.expiresAt)) {
    return violation('invalid-expiry', 'The expiry must be a date and time (ISO 8601).');
  }
  if (isAtOrAfter(command.now, command.expiresAt)) {
    return violation('issuance-right-expiry-in-past', 'A license issuance right must expire in the future.');
  }
  return [
    {
      type: 'IssuanceRightGranted',
      data: {
        rightId: command.rightId,
        vendorId: command.vendorId,
        resellerId: command.resellerId,
        licenseTemplateId: command.licenseTemplateId,
        maxLicenses: command.maxLicenses,
        expiresAt: command.expiresAt,
        nfr: command.nfr,
        grantedBy: command.actor,
        grantedAt: command.now,
      },
    },
  ];
}

function block(command: BlockIssuanceRight, state: IssuanceRightState): Decision<IssuanceRightEvent> {
  const denied = requireAdminOf(command.actor, command.vendorId, 'block');
  if (denied) return denied;
  if (state.status === 'none' || state.vendorId !== command.vendorId) {
    return violation('issuance-right-not-found', 'No such license issuance right.');
  }
  // Blocked, or closed at its expiry: it has already ended.
  if (state.status === 'blocked' || state.closedAt !== undefined) return [];
  return [
    {
      type: 'IssuanceRightBlocked',
      data: { rightId: state.rightId, reason: command.reason, blockedBy: command.actor, blockedAt: command.now },
    },
  ];
}

function extend(command: ExtendIssuanceRight, state: IssuanceRightState): Decision<IssuanceRightEvent> {
  const denied = requireAdminOf(command.actor, command.vendorId, 'extend');
  if (denied) return denied;
  if (state.status === 'none' || state.vendorId !== command.vendorId) {
    return violation('issuance-right-not-found', 'No such license issuance right.');
  }
  if (state.status === 'blocked') {
    return violation('issuance-right-blocked', 'This license issuance right is blocked and stays blocked; grant a new right instead.');
  }
  if (state.closedAt !== undefined) {
    return violation(
      'issuance-right-closed',
      `This license issuance right expired at ${state.expiresAt} and was closed; grant a new right instead.`,
      { expiresAt: state.expiresAt },
    );
  }
  if (command.expiresAt === null && command.maxLicenses === null) {
    return violation('invalid-extension', 'Name a later expiry, a larger number of licenses, or both.');
  }
  const maxLicenses = command.maxLicenses ?? state.maxLicenses;
  if (command.maxLicenses !== null) {
    if (!Number.isInteger(command.maxLicenses) || command.maxLicenses < 1) {
      return violation('invalid-max-licenses', 'A license issuance right allows at least one license, as a whole number.');
    }
    // Rights only grow: fewer licenses would take back what the reseller was promised; blocking is how a right ends.
    if (command.maxLicenses <= state.maxLicenses) {
      return violation(
        'issuance-right-not-extended',
        `The right already allows ${state.maxLicenses} licenses; an extension must allow more.`,
        {
          maxLicenses: state.maxLicenses,
        },
      );
    }
  }
  let expiresAt = state.expiresAt;
  if (command.expiresAt !== null) {
    if (invalidInstant(command.expiresAt)) return violation('invalid-expiry', 'The expiry must be a date and time (ISO 8601).');
    if (isAtOrAfter(state.expiresAt, command.expiresAt)) {
      return violation(
        'issuance-right-not-extended',
        `The right already runs until ${state.expiresAt}; an extension must move the expiry later.`,
        {
          expiresAt: state.expiresAt,
        },
      );
    }
    if (isAtOrAfter(command.now, command.expiresAt)) {
      return violation('issuance-right-expiry-in-past', 'A license issuance right must expire in the future.');
    }
    expiresAt = canonicalInstant(command.expiresAt);
  }
  return [
    {
      type: 'IssuanceRightExtended',
      data: {
        rightId: state.rightId,
        previousExpiresAt: state.expiresAt,
        expiresAt,
        previousMaxLicenses: state.maxLicenses,
        maxLicenses,
        extendedBy: command.actor,
        extendedAt: command.now,
      },
    },
  ];
}

function consume(command: ConsumeIssuanceRight, state: IssuanceRightState): Decision<IssuanceRightEvent> {
  const unverified = requireActingReseller(command.actor, command.context.reseller);
  if (unverified) return unverified;
  const facts = issuanceRightFacts(state);
  const refused = issuanceRefusal(facts, command.actor.id, command.licenseId, command.now);
  if (refused) return refused;
  // A retried issuance for a license already counted must not count it twice.
  if (facts!.licenseIds.includes(command.licenseId)) return [];
  return [
    {
      type: 'IssuanceRightConsumed',
      data: {
        rightId: facts!.rightId,
        licenseId: command.licenseId,
        used: facts!.used + 1,
        remaining: facts!.remaining - 1,
        consumedAt: command.now,
      },
    },
  ];
}
