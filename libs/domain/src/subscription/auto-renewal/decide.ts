import { canonicalInstant, isBefore } from '../../money/billing-period';
import { Decision, isViolation, violation } from '../../shared/decider';
import { authorizeChange } from '../authorization';
import { SubscriptionExpired } from '../events';
import { issueInvoice } from '../invoice';
import { existing, notFound, requireNotCancelled, requireNotEnded } from '../lifecycle';
import { latestPeriod, ownershipAt } from '../periods';
import { termsOf } from '../pricing';
import { ExistingSubscription, SubscriptionState } from '../state';
import { ChargeRenewal, RemindRenewal, SetAutoRenewal, SubscriptionRenewalCommand } from './commands';
import { nextAttemptAfter } from './dunning';
import { SubscriptionStreamEvent } from './events';
import { reminderKey } from './keys';
import { autoRenewalTerms } from './pricing';

export function decideSubscriptionRenewal(
  command: SubscriptionRenewalCommand,
  state: SubscriptionState,
): Decision<SubscriptionStreamEvent> {
  switch (command.type) {
    case 'SetAutoRenewal':
      return decideSetAutoRenewal(command, state);
    case 'RemindRenewal':
      return decideRemindRenewal(command, state);
    case 'ChargeRenewal':
      return decideChargeRenewal(command, state);
  }
}

export function isAutoRenewing(s: ExistingSubscription): boolean {
  return s.status === 'active' && s.autoRenewal === true;
}

/** Seed 004: renewals are charged to the default payment method at term end, when this is on. */
function decideSetAutoRenewal(command: SetAutoRenewal, state: SubscriptionState): Decision<SubscriptionStreamEvent> {
  const s = existing(state);
  if (!s) return notFound();
  const denied = authorizeChange(command, s, { owner: true, others: ['support'] });
  if (denied) return denied;
  // Turning it off is allowed while the dunning retries run (past the paid time), so the
  // subscription simply expires at the next attempt; turning it on needs a running term.
  const refused = command.enabled
    ? (requireNotEnded(s, command.now) ?? requireNotCancelled(s))
    : s.status === 'expired'
      ? requireNotEnded(s, command.now)
      : null;
  if (refused) return refused;
  if ((s.autoRenewal ?? false) === command.enabled) return [];
  return [
    {
      type: 'AutoRenewalChanged',
      data: {
        subscriptionId: s.subscriptionId,
        enabled: command.enabled,
        termEnd: latestPeriod(s).periodEnd,
        changedAt: canonicalInstant(command.now),
      },
    },
  ];
}

/** Once per term end and distance; nothing for a cancelled, ended or already renewed term. */
function decideRemindRenewal(command: RemindRenewal, state: SubscriptionState): Decision<SubscriptionStreamEvent> {
  const s = existing(state);
  if (!s) return [];
  const denied = authorizeChange({ actor: command.actor, now: command.now }, s, { owner: false, others: ['system'] });
  if (denied) return denied;
  if (s.status !== 'active') return [];
  const termEnd = canonicalInstant(command.termEnd);
  const latest = latestPeriod(s);
  if (latest.periodEnd !== termEnd || !isBefore(command.now, termEnd)) return [];
  if ((s.renewalReminders ?? []).includes(reminderKey(termEnd, command.daysBefore))) return [];
  const priced = command.context.plan ? autoRenewalTerms(s, command.context.plan) : null;
  return [
    {
      type: 'RenewalReminded',
      data: {
        subscriptionId: s.subscriptionId,
        organizationId: s.organizationId,
        organizationName: s.organizationName,
        termEnd,
        daysBefore: command.daysBefore,
        invoiceOwner: ownershipAt(s, termEnd).owner,
        autoRenewal: s.autoRenewal === true,
        renewal: priced === null || isViolation(priced) ? null : priced.price,
        remindedAt: canonicalInstant(command.now),
      },
    },
  ];
}

/**
 * At term end (and at each dunning retry): an approved charge renews for the next anchored period
 * and invoices the invoice owner; a decline is recorded with the next attempt, and the last
 * decline lets the subscription lapse. A subscription that is not renewing by then (auto-renewal
 * off, cancelled) simply expires at its term end.
 */
function decideChargeRenewal(command: ChargeRenewal, state: SubscriptionState): Decision<SubscriptionStreamEvent> {
  const s = existing(state);
  if (!s) return [];
  const denied = authorizeChange({ actor: command.actor, now: command.now }, s, { owner: false, others: ['system'] });
  if (denied) return denied;
  const termEnd = canonicalInstant(command.termEnd);
  const now = canonicalInstant(command.now);
  if (s.status === 'expired' || latestPeriod(s).periodEnd !== termEnd) return [];
  if (isBefore(now, termEnd)) {
    return violation('renewal-not-due', `This subscription is paid through ${termEnd}; its renewal is charged then, not before.`, {
      termEnd,
    });
  }
  const { charge } = command.context;

  if (s.status === 'cancelled') {
    if (charge.status === 'approved') {
      return violation(
        'renewal-charged-after-cancellation',
        `A renewal of ${s.subscriptionId} was charged (${charge.chargeId}) although it is cancelled; refund it.`,
        { chargeId: charge.chargeId },
      );
    }
    return [expiry(s, now, 'cancelled')];
  }
  // An approved charge was made while auto-renewal was on; it is honoured even if the setting changed since.
  if (s.autoRenewal !== true && charge.status !== 'approved') return [expiry(s, now, 'not-renewed')];

  const plan = command.context.plan;
  const priced = plan ? autoRenewalTerms(s, plan) : null;
  if (charge.status !== 'declined') {
    if (!plan || priced === null)
      return violation('plan-not-available', 'The plan renewed on is no longer sold; nothing can be renewed on it.');
    if (isViolation(priced)) return priced;
    const paymentMethod = command.context.paymentMethod;
    if (!paymentMethod) return violation('payment-method-required', 'A renewal is paid with a payment method.');
    if (charge.status === 'approved' && (charge.amount !== priced.total || charge.currency !== s.currency)) {
      return violation(
        'charge-amount-mismatch',
        `The renewal costs ${priced.total} ${s.currency} but ${charge.amount} ${charge.currency} was charged (${charge.chargeId}).`,
        { expected: priced.total, charged: charge.amount, chargeId: charge.chargeId },
      );
    }
    if (charge.status === 'net-terms' && paymentMethod.kind !== 'invoice') {
      return violation('payment-method-not-accepted', 'Only a payment method on invoice renews without a charge.');
    }
    const invoice = issueInvoice({
      invoiceId: command.invoiceId,
      subscriptionId: s.subscriptionId,
      previousInvoices: s.invoices.length,
      reason: 'renewal',
      now,
      ownership: ownershipAt(s, priced.bounds.periodStart),
      currency: s.currency,
      lines: [priced.line],
      paymentMethod,
    });
    return [
      {
        type: 'SubscriptionRenewed',
        data: {
          subscriptionId: s.subscriptionId,
          periodIndex: priced.periodIndex,
          ...priced.bounds,
          plan: termsOf(plan),
          unitPrice: plan.unitPrice,
          seats: priced.seats,
          currency: s.currency,
          renewedAt: now,
          invoiceId: command.invoiceId,
        },
      },
      charge.status === 'approved'
        ? { ...invoice, data: { ...invoice.data, payment: { ...invoice.data.payment, chargeId: charge.chargeId } } }
        : invoice,
    ];
  }

  const attempt = (s.dunning?.termEnd === termEnd ? s.dunning.failedAttempts : 0) + 1;
  const nextAttemptAt = nextAttemptAfter(termEnd, attempt);
  const failed: SubscriptionStreamEvent = {
    type: 'RenewalChargeFailed',
    data: {
      subscriptionId: s.subscriptionId,
      organizationId: s.organizationId,
      organizationName: s.organizationName,
      termEnd,
      attempt,
      amount: priced === null || isViolation(priced) ? null : priced.total,
      currency: s.currency,
      paymentMethod: command.context.paymentMethod,
      declineCode: charge.code,
      reason: charge.reason,
      invoiceOwner: ownershipAt(s, termEnd).owner,
      failedAt: now,
      nextAttemptAt,
    },
  };
  return nextAttemptAt === null ? [failed, expiry(s, now, 'payment-failed')] : [failed];
}

function expiry(s: ExistingSubscription, now: string, reason: SubscriptionExpired['data']['reason']): SubscriptionExpired {
  return {
    type: 'SubscriptionExpired',
    data: { subscriptionId: s.subscriptionId, expiredAt: latestPeriod(s).periodEnd, sweptAt: now, reason },
  };
}
