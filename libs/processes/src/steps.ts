import {
  closeExpiredIssuanceRight,
  CommandEnvelope,
  derivedId,
  lapseOwnershipOffer,
  LedgerContext,
  PaymentProvider,
  remindOwnershipOffer,
  remindRenewal,
  renewAtTermEnd,
  StepOutcome,
} from '@channel-ledger/application';
import type { PendingScheduleItem } from './schedule/collections';

export interface StepDependencies {
  ledger: LedgerContext;
  payments: PaymentProvider;
}

/**
 * The envelope of a step: the process is the actor, the due time the business time, and the
 * command id is derived from the process, the item, the triggering event and the due time. Any
 * run of the same step (after a crash, or by a second instance) sends the same command, which the
 * pipeline answers from the log instead of recording it again.
 */
export function stepEnvelope(item: PendingScheduleItem): CommandEnvelope {
  const commandId = derivedId(`process|${item.process}|${item.id}|${item.triggerEventId}|${item.dueAt}`);
  return {
    commandId,
    correlationId: item.correlationId,
    causationId: item.triggerEventId,
    actor: { kind: 'system', id: item.process },
    onBehalfOf: null,
    occurredAt: item.dueAt,
  };
}

export async function takeStep(item: PendingScheduleItem, deps: StepDependencies): Promise<StepOutcome> {
  const envelope = stepEnvelope(item);
  const p = item.payload;
  switch (item.step) {
    case 'lapse-offer':
      return lapseOwnershipOffer(deps.ledger, envelope, { organizationId: String(p.organizationId), transferId: String(p.transferId) });
    case 'remind-offer':
      return remindOwnershipOffer(deps.ledger, envelope, { organizationId: String(p.organizationId), transferId: String(p.transferId) });
    case 'remind-renewal':
      return remindRenewal(deps.ledger, envelope, {
        subscriptionId: String(p.subscriptionId),
        termEnd: String(p.termEnd),
        daysBefore: Number(p.daysBefore),
      });
    case 'term-end':
      return renewAtTermEnd(deps.ledger, deps.payments, envelope, { subscriptionId: String(p.subscriptionId), termEnd: String(p.termEnd) });
    case 'close-right':
      return closeExpiredIssuanceRight(deps.ledger, envelope, { rightId: String(p.rightId) });
  }
}
