import {
  acceptOwnership,
  addSeats,
  cancelOwnershipTransfer,
  cancelSubscription,
  changePlan,
  CommandEnvelope,
  CommandPipeline,
  createCustomerOrganization,
  expireOwnershipTransfer,
  grantIssuanceRight,
  blockIssuanceRight,
  issueLicense,
  LedgerContext,
  publishPlan,
  purchaseForCustomer,
  recordDirectPurchase,
  renewSubscription,
  RuleViolationError,
} from '@channel-ledger/application';
import { BillingPeriod, resellerDecider, resellerStream } from '@channel-ledger/domain';
import { Actor, EventStore } from '@channel-ledger/event-store';

/**
 * A seeded, reproducible channel history for the dashboard's tests and benchmark: vendors with
 * plans in USD, EUR and JPY (annual and monthly), resellers selling for one or two vendors,
 * purchases for customers with ownership offers that are accepted, cancelled, or left to lapse
 * (some lapses recorded by a sweep, some not), seats added, upgrades, renewals (also ahead of
 * term), cancellations, direct purchases after a reseller term (rule 11), and issuance rights
 * used, blocked and expired. Everything goes through the real use cases and command pipeline,
 * in business-time order; a step a rule refuses is skipped and counted.
 */
export interface ChannelHistoryOptions {
  /** Prefix of every id, so several histories can share a log. */
  tag: string;
  seed: number;
  vendors: string[];
  resellers: number;
  /** First day of the history, e.g. 2025-01-01. */
  start: string;
  months: number;
  purchasesPerMonth: number;
  /** Steps are not scheduled after this instant (the test's "now"). */
  until: string;
  /** Purchases in the last 12 days before `until` whose ownership offer gets no answer: pending, or just lapsed. */
  lateOffers?: number;
}

export interface ChannelHistory {
  vendors: string[];
  resellers: { resellerId: string; companyName: string; email: string; vendors: string[] }[];
  steps: number;
  refused: number;
}

const DAY = 86_400_000;
const PLAN_PRICES: { suffix: string; tier: 'pro' | 'teams'; currency: string; annual: string; monthly: string }[] = [
  { suffix: 'pro-usd', tier: 'pro', currency: 'USD', annual: '96.00', monthly: '10.00' },
  { suffix: 'teams-usd', tier: 'teams', currency: 'USD', annual: '144.00', monthly: '15.00' },
  { suffix: 'pro-eur', tier: 'pro', currency: 'EUR', annual: '89.00', monthly: '9.25' },
  { suffix: 'pro-jpy', tier: 'pro', currency: 'JPY', annual: '12000', monthly: '1200' },
];

/** mulberry32: small, fast, good enough to pick test data reproducibly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
}

interface Step {
  at: number;
  order: number;
  run: () => Promise<unknown>;
}

export async function generateChannelHistory(store: EventStore, options: ChannelHistoryOptions): Promise<ChannelHistory> {
  const rnd = random(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const chance = (p: number) => rnd() < p;
  const between = (from: number, to: number) => from + Math.floor(rnd() * Math.max(1, to - from));
  const pipeline = new CommandPipeline(store);
  const ctx = new LedgerContext(store, pipeline);
  const tag = options.tag;
  const until = Date.parse(options.until);
  const start = Date.parse(options.start);
  let counter = 0;
  const envelope = (actor: Actor, at: number, name: string): CommandEnvelope => {
    const commandId = `${tag}-${name}-${++counter}`;
    return { commandId, correlationId: commandId, causationId: commandId, actor, onBehalfOf: null, occurredAt: iso(at) };
  };

  const steps: Step[] = [];
  let order = 0;
  const schedule = (at: number, run: () => Promise<unknown>) => {
    if (at <= until) steps.push({ at, order: order++, run });
  };

  // Vendors and their catalogs.
  const vendorAdmin = (vendorId: string): Actor => ({ kind: 'vendor-admin', id: vendorId });
  for (const vendorId of options.vendors) {
    for (const p of PLAN_PRICES) {
      schedule(start - 30 * DAY, () =>
        publishPlan(ctx, envelope(vendorAdmin(vendorId), start - 30 * DAY, 'plan'), {
          vendorId,
          planId: `${vendorId}-${p.suffix}`,
          product: 'GitLens',
          tier: p.tier,
          currency: p.currency,
          prices: { annual: p.annual, monthly: p.monthly },
        }),
      );
    }
  }

  // Resellers: registered, verified, with a card; each sells for one vendor, some for two.
  const resellers: ChannelHistory['resellers'] = [];
  for (let i = 0; i < options.resellers; i++) {
    const resellerId = `${tag}-reseller-${i + 1}`;
    const companyName = `${tag.charAt(0).toUpperCase()}${tag.slice(1)} Partner ${i + 1}`;
    const email = `sales-${i + 1}@${tag}-partner.example`;
    const vendors = [options.vendors[i % options.vendors.length]];
    if (options.vendors.length > 1 && i % 3 === 2) vendors.push(options.vendors[(i + 1) % options.vendors.length]);
    resellers.push({ resellerId, companyName, email, vendors });
    const actor: Actor = { kind: 'reseller', id: resellerId };
    const at = start - 20 * DAY;
    const command =
      (type: string, extra: object, when = at) =>
      () =>
        pipeline.execute({
          streamId: resellerStream(resellerId),
          decider: resellerDecider,
          envelope: envelope(actor, when, type),
          command: { type, resellerId, now: iso(when), actor, ...extra } as never,
        });
    schedule(
      at,
      command('RegisterReseller', {
        companyName,
        email,
        partnerKind: i % 5 === 4 ? 'marketplace' : 'reseller',
        verificationTokenHash: 'b'.repeat(64),
      }),
    );
    schedule(at + 60_000, command('VerifyResellerEmail', { verificationTokenHash: 'b'.repeat(64) }, at + 60_000));
    schedule(
      at + 120_000,
      command('AddPaymentMethod', { paymentMethodId: `${resellerId}-card`, kind: 'card', label: 'Visa 4242' }, at + 120_000),
    );
  }

  // Issuance rights: each reseller gets one or two per vendor, some used up, blocked or expired.
  let rights = 0;
  for (const reseller of resellers) {
    for (const vendorId of reseller.vendors) {
      const count = chance(0.5) ? 2 : 1;
      for (let r = 0; r < count; r++) {
        const rightId = `${tag}-right-${++rights}`;
        const grantedAt = between(start, start + options.months * 30 * DAY * 0.5);
        const maxLicenses = between(3, 12);
        const expiresAt = chance(0.25) ? between(grantedAt + 60 * DAY, until - DAY) : until + between(30, 400) * DAY;
        const template = pick(['gitlens-pro-offline', 'gitlens-teams-offline']);
        schedule(grantedAt, () =>
          grantIssuanceRight(ctx, envelope(vendorAdmin(vendorId), grantedAt, 'grant'), {
            rightId,
            vendorId,
            resellerId: reseller.resellerId,
            licenseTemplateId: template,
            maxLicenses,
            expiresAt: iso(expiresAt),
            nfr: chance(0.2),
          }),
        );
        const issued = between(0, maxLicenses + 2);
        for (let n = 0; n < issued; n++) {
          const at = between(grantedAt + DAY, Math.min(expiresAt, until) - DAY);
          schedule(at, () =>
            issueLicense(ctx, envelope({ kind: 'reseller', id: reseller.resellerId }, at, 'license'), {
              licenseId: `${rightId}-license-${n + 1}`,
              rightId,
              organizationId: null,
            }),
          );
        }
        if (chance(0.15)) {
          const at = between(grantedAt + 10 * DAY, until);
          schedule(at, () =>
            blockIssuanceRight(ctx, envelope(vendorAdmin(vendorId), at, 'block'), { rightId, vendorId, reason: 'misuse reported' }),
          );
        }
      }
    }
  }

  // Purchases, month by month, with what follows each; then the late offers.
  let purchases = 0;
  for (let month = 0; month < options.months; month++) {
    const monthStart = addMonths(start, month);
    const monthEnd = addMonths(start, month + 1);
    for (let k = 0; k < options.purchasesPerMonth; k++) buy(between(monthStart, monthEnd));
  }
  for (let k = 0; k < (options.lateOffers ?? 0); k++) buy(between(until - 12 * DAY, until - 3_600_000), 0.95);

  function buy(boughtAt: number, outcomeDraw?: number): void {
    const reseller = pick(resellers);
    const vendorId = pick(reseller.vendors);
    const plan = pick(PLAN_PRICES.filter((p) => p.tier === 'pro'));
    const billingPeriod: BillingPeriod = chance(0.3) ? 'monthly' : 'annual';
    const n = ++purchases;
    const organizationId = `${tag}-org-${n}`;
    const subscriptionId = `${tag}-sub-${n}`;
    const transferId = `${tag}-transfer-${n}`;
    const customerEmail = `it@${tag}-customer-${n}.example`;
    const seats = between(1, 40);
    const asReseller = (at: number, name: string) => envelope({ kind: 'reseller', id: reseller.resellerId }, at, name);
    const asCustomer = (at: number, name: string) => envelope({ kind: 'customer', id: customerEmail }, at, name);
    schedule(boughtAt, () =>
      createCustomerOrganization(ctx, asReseller(boughtAt, 'org'), {
        organizationId,
        vendorId,
        name: `Customer ${n}`,
        customerContactEmail: customerEmail,
      }),
    );
    schedule(boughtAt + 60_000, () =>
      purchaseForCustomer(ctx, asReseller(boughtAt + 60_000, 'purchase'), {
        subscriptionId,
        invoiceId: `${subscriptionId}-inv-1`,
        organizationId,
        planId: `${vendorId}-${plan.suffix}`,
        billingPeriod,
        seats,
        customerContactEmail: customerEmail,
        transferId,
      }),
    );

    // The ownership offer (rule 3: 7 days).
    const outcome = outcomeDraw ?? rnd();
    let acceptedAt: number | null = null;
    if (outcome < 0.55) {
      acceptedAt = boughtAt + between(2, 6 * 24) * 3_600_000;
      const at = acceptedAt;
      schedule(at, () => acceptOwnership(ctx, asCustomer(at, 'accept'), { organizationId, transferId, byEmail: customerEmail }));
    } else if (outcome < 0.7) {
      const at = boughtAt + between(2, 6 * 24) * 3_600_000;
      schedule(at, () => cancelOwnershipTransfer(ctx, asReseller(at, 'cancel-transfer'), { organizationId, transferId }));
    } else if (outcome < 0.85) {
      // Lapsed, and a sweep recorded it some days later.
      const at = boughtAt + 60_000 + 7 * DAY + between(1, 10) * DAY;
      schedule(at, () =>
        expireOwnershipTransfer(ctx, envelope({ kind: 'system', id: 'sweeper' }, at, 'expire-transfer'), { organizationId, transferId }),
      );
    } // else: lapsed (or still pending) with nothing recorded.

    // What happens to the subscription.
    const termMonths = billingPeriod === 'annual' ? 12 : 1;
    let periodEnd = addMonths(boughtAt + 60_000, termMonths);
    if (chance(0.3)) {
      const at = between(boughtAt + DAY, periodEnd - DAY);
      schedule(at, () =>
        addSeats(ctx, asReseller(at, 'seats'), { subscriptionId, invoiceId: `${subscriptionId}-inv-seats`, seats: between(1, 10) }),
      );
    }
    if (plan.currency === 'USD' && chance(0.15)) {
      const at = between(boughtAt + 2 * DAY, periodEnd - DAY);
      schedule(at, () =>
        changePlan(ctx, asReseller(at, 'upgrade'), {
          subscriptionId,
          invoiceId: `${subscriptionId}-inv-upgrade`,
          planId: `${vendorId}-teams-usd`,
        }),
      );
    }
    const cancels = chance(0.12);
    if (cancels) {
      const at = between(boughtAt + DAY, periodEnd - DAY);
      schedule(at, () => cancelSubscription(ctx, asReseller(at, 'cancel'), { subscriptionId, reason: 'customer left' }));
    } else {
      const renewalOdds = billingPeriod === 'annual' ? 0.6 : 0.85;
      for (let term = 2; term < 40 && periodEnd - 20 * DAY <= until && chance(renewalOdds); term++) {
        const at = periodEnd - between(0, billingPeriod === 'annual' ? 20 : 3) * DAY - 3_600_000;
        schedule(at, () =>
          renewSubscription(ctx, asReseller(at, 'renew'), { subscriptionId, invoiceId: `${subscriptionId}-inv-r${term}` }),
        );
        periodEnd = addMonths(periodEnd, termMonths);
      }
    }
    if (acceptedAt !== null && chance(0.08)) {
      // Rule 11: the customer buys from the vendor directly, a new subscription.
      const at = acceptedAt + between(5, 60) * DAY;
      schedule(at, () =>
        recordDirectPurchase(ctx, asCustomer(at, 'direct'), {
          subscriptionId: `${subscriptionId}-direct`,
          invoiceId: `${subscriptionId}-direct-inv-1`,
          previousResellerSubscriptionId: subscriptionId,
          planId: `${vendorId}-${plan.suffix}`,
          billingPeriod: 'annual',
          seats: between(1, 20),
          billingContactEmail: customerEmail,
          paymentMethod: { id: `pm-${n}`, kind: 'card' },
        }),
      );
    }
  }

  steps.sort((a, b) => a.at - b.at || a.order - b.order);
  let refused = 0;
  for (const step of steps) {
    try {
      await step.run();
    } catch (error) {
      if (!(error instanceof RuleViolationError)) throw error;
      refused++;
    }
  }
  return { vendors: options.vendors, resellers, steps: steps.length, refused };
}
