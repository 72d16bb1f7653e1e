import { validatePrice } from '../money/amount';
import { BILLING_PERIODS, canonicalInstant } from '../money/billing-period';
import { requireKnownCurrency } from '../money/currency';
import { Decision, RuleViolation, violation } from '../shared/decider';
import { CatalogCommand, ChangePlanPrice, PublishPlan, RetirePlan } from './commands';
import { CatalogEvent } from './events';
import { PLAN_TIERS } from './plan';
import { findPlan } from './queries';
import { CatalogState } from './state';

/** Only an admin of this very vendor edits its price list. */
function requireVendorAdmin(command: CatalogCommand, state: CatalogState): RuleViolation | null {
  if (command.actor.kind !== 'vendor-admin') {
    return violation('not-a-vendor-admin', 'Only a vendor administrator can publish plans and change prices.');
  }
  if (command.context.actorVendorId !== command.vendorId) {
    return violation('not-this-vendors-admin', "You administer another vendor; you cannot change this vendor's catalog.", {
      vendorId: command.vendorId,
    });
  }
  if (state.status === 'open' && state.vendorId !== command.vendorId) {
    return violation('wrong-catalog', `This catalog belongs to vendor ${state.vendorId}, not ${command.vendorId}.`);
  }
  return null;
}

function publishPlan(command: PublishPlan, state: CatalogState): Decision<CatalogEvent> {
  if (!command.planId?.trim()) return violation('invalid-plan', 'A plan needs an id.');
  if (!command.product?.trim()) return violation('invalid-plan', 'A plan needs the name of the product it sells.');
  if (!PLAN_TIERS.includes(command.tier)) {
    return violation('invalid-plan', `The tier must be one of ${PLAN_TIERS.join(', ')}.`, { tier: command.tier });
  }
  const unknownCurrency = requireKnownCurrency(command.currency);
  if (unknownCurrency) return unknownCurrency;
  const periods = Object.keys(command.prices ?? {});
  if (periods.length === 0) return violation('invalid-plan', 'A plan needs a monthly or an annual price.');
  for (const period of periods) {
    if (!(BILLING_PERIODS as readonly string[]).includes(period)) {
      return violation('invalid-plan', `"${period}" is not a billing period (monthly or annual).`);
    }
    const bad = validatePrice(command.prices[period as keyof typeof command.prices], command.currency, `${period} price`);
    if (bad) return bad;
  }
  if (findPlan(state, command.planId)) {
    return violation('plan-already-published', `A plan "${command.planId}" already exists; change its price instead.`, {
      planId: command.planId,
    });
  }
  return [
    {
      type: 'PlanPublished',
      data: {
        vendorId: command.vendorId,
        planId: command.planId,
        product: command.product.trim(),
        tier: command.tier,
        currency: command.currency,
        prices: { ...command.prices },
        publishedAt: canonicalInstant(command.now),
      },
    },
  ];
}

function changePlanPrice(command: ChangePlanPrice, state: CatalogState): Decision<CatalogEvent> {
  const plan = findPlan(state, command.planId);
  if (!plan) return violation('plan-not-found', `There is no plan "${command.planId}" in this catalog.`);
  if (plan.status === 'retired') return violation('plan-retired', `${plan.product} ${plan.tier} is retired; its prices are frozen.`);
  if (!(BILLING_PERIODS as readonly string[]).includes(command.billingPeriod)) {
    return violation('invalid-plan', `"${command.billingPeriod}" is not a billing period (monthly or annual).`);
  }
  const bad = validatePrice(command.newPrice, plan.currency, 'new price');
  if (bad) return bad;
  const previousPrice = plan.prices[command.billingPeriod] ?? null;
  if (previousPrice === command.newPrice) {
    return violation('price-unchanged', `The ${command.billingPeriod} price is already ${command.newPrice} ${plan.currency}.`);
  }
  return [
    {
      type: 'PlanPriceChanged',
      data: {
        vendorId: command.vendorId,
        planId: plan.planId,
        billingPeriod: command.billingPeriod,
        currency: plan.currency,
        previousPrice,
        newPrice: command.newPrice,
        changedAt: canonicalInstant(command.now),
      },
    },
  ];
}

function retirePlan(command: RetirePlan, state: CatalogState): Decision<CatalogEvent> {
  const plan = findPlan(state, command.planId);
  if (!plan) return violation('plan-not-found', `There is no plan "${command.planId}" in this catalog.`);
  if (plan.status === 'retired') return violation('plan-already-retired', `${plan.product} ${plan.tier} is already retired.`);
  return [{ type: 'PlanRetired', data: { vendorId: command.vendorId, planId: plan.planId, retiredAt: canonicalInstant(command.now) } }];
}

export function decideCatalog(command: CatalogCommand, state: CatalogState): Decision<CatalogEvent> {
  const denied = requireVendorAdmin(command, state);
  if (denied) return denied;
  switch (command.type) {
    case 'PublishPlan':
      return publishPlan(command, state);
    case 'ChangePlanPrice':
      return changePlanPrice(command, state);
    case 'RetirePlan':
      return retirePlan(command, state);
  }
}
