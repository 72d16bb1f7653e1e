import { Decision, violation } from '../shared/decider';
import { requireActingReseller } from '../reseller/acting-reseller';
import { isAtOrAfter } from '../shared/types';
import { BlockIssuanceRight, ConsumeIssuanceRight, GrantIssuanceRight, IssuanceRightCommand } from './commands';
import { IssuanceRightEvent } from './events';
import { issuanceRefusal, issuanceRightFacts } from './queries';
import { IssuanceRightState } from './state';

export function decideIssuanceRight(command: IssuanceRightCommand, state: IssuanceRightState): Decision<IssuanceRightEvent> {
  switch (command.type) {
    case 'GrantIssuanceRight':
      return grant(command, state);
    case 'BlockIssuanceRight':
      return block(command, state);
    case 'ConsumeIssuanceRight':
      return consume(command, state);
  }
}

function grant(command: GrantIssuanceRight, state: IssuanceRightState): Decision<IssuanceRightEvent> {
  if (command.actor.kind !== 'vendor-admin') {
    return violation('not-permitted', 'Only a vendor admin can grant license issuance rights.');
  }
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
  if (command.actor.kind !== 'vendor-admin') {
    return violation('not-permitted', 'Only a vendor admin can block a license issuance right.');
  }
  if (state.status === 'none' || state.vendorId !== command.vendorId) {
    return violation('issuance-right-not-found', 'No such license issuance right.');
  }
  if (state.status === 'blocked') return [];
  return [
    {
      type: 'IssuanceRightBlocked',
      data: { rightId: state.rightId, reason: command.reason, blockedBy: command.actor, blockedAt: command.now },
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
