import { resellerDecider, resellerStream } from '@channel-ledger/domain';
import { Actor, EventStore } from '@channel-ledger/event-store';
import { CommandEnvelope } from '../pipeline/command-envelope';
import { CommandPipeline } from '../pipeline/command-pipeline';
import {
  acceptOwnership,
  addSeats,
  assignSeat,
  createCustomerOrganization,
  grantIssuanceRight,
  initiateOwnershipTransfer,
  issueLicense,
  LedgerContext,
  publishPlan,
  purchaseSubscription,
} from '../use-cases';

/** The ids and moments of the seed scenario, so tests can name what they check. */
export const seedIds = {
  vendorId: 'gitkraken',
  planId: 'gitlens-pro',
  resellerId: 'acme-resale',
  resellerEmail: 'sales@acme.example',
  organizationId: 'globex',
  customerEmail: 'it@globex.example',
  subscriptionId: 'sub-globex-1',
  transferId: 'transfer-1',
  rightId: 'right-1',
  licenseId: 'license-1',
  purchasedAt: '2026-01-15T09:00:00.000Z',
  transferAcceptedAt: '2026-01-18T12:00:00.000Z',
  seatsAddedAt: '2026-06-15T09:00:00.000Z',
  licenseIssuedAt: '2026-06-20T10:00:00.000Z',
} as const;
export const seed = seedIds;

function tagged(tag: string): typeof seedIds {
  const ids = ['vendorId', 'planId', 'resellerId', 'organizationId', 'subscriptionId', 'transferId', 'rightId', 'licenseId'] as const;
  const copy: Record<string, string> = { ...seedIds };
  for (const key of ids) copy[key] = `${seedIds[key]}-${tag}`;
  copy.resellerEmail = `sales-${tag}@acme.example`;
  copy.customerEmail = `it-${tag}@globex.example`;
  return copy as unknown as typeof seedIds;
}

let counter = 0;
function envelope(actor: Actor, occurredAt: string, name: string): CommandEnvelope {
  const commandId = `seed-${name}-${++counter}`;
  return { commandId, correlationId: `seed-${name}`, causationId: commandId, actor, onBehalfOf: null, occurredAt };
}

/**
 * Drives the product's main story through the real command pipeline: a reseller registers and
 * verifies, the vendor publishes a plan and grants an issuance right, the reseller buys 10
 * annual seats for Globex, hands ownership over, the customer accepts, 5 seats are added
 * mid-term, a seat is assigned and a license is issued to Globex.
 */
export async function runSeedScenario(store: EventStore, tag = ''): Promise<void> {
  // A tag gives every id of this run its own suffix, so the story can be told many times in one log.
  const seed = tag === '' ? seedIds : tagged(tag);
  const pipeline = new CommandPipeline(store);
  const ctx = new LedgerContext(store, pipeline);
  const reseller: Actor = { kind: 'reseller', id: seed.resellerId };
  const vendor: Actor = { kind: 'vendor-admin', id: seed.vendorId };
  const customer: Actor = { kind: 'customer', id: seed.customerEmail };
  const day0 = '2026-01-10T08:00:00.000Z';

  const resellerCommand = (type: string, extra: object, at = day0) =>
    pipeline.execute({
      streamId: resellerStream(seed.resellerId),
      decider: resellerDecider,
      envelope: envelope(reseller, at, type),
      command: { type, resellerId: seed.resellerId, now: at, actor: reseller, ...extra } as never,
    });
  await resellerCommand('RegisterReseller', {
    companyName: 'Acme Resale',
    email: seed.resellerEmail,
    partnerKind: 'reseller',
    verificationTokenHash: 'a'.repeat(64),
  });
  await resellerCommand('VerifyResellerEmail', { verificationTokenHash: 'a'.repeat(64) }, '2026-01-10T08:05:00.000Z');
  await resellerCommand(
    'AddPaymentMethod',
    { paymentMethodId: `card-1${tag}`, kind: 'card', label: 'Visa 4242' },
    '2026-01-10T08:06:00.000Z',
  );

  await publishPlan(ctx, envelope(vendor, day0, 'publish'), {
    vendorId: seed.vendorId,
    planId: seed.planId,
    product: 'GitLens',
    tier: 'pro',
    currency: 'USD',
    prices: { annual: '96.00', monthly: '10.00' },
  });
  await createCustomerOrganization(ctx, envelope(reseller, seed.purchasedAt, 'org'), {
    organizationId: seed.organizationId,
    vendorId: seed.vendorId,
    name: 'Globex',
    customerContactEmail: seed.customerEmail,
  });
  await purchaseSubscription(ctx, envelope(reseller, seed.purchasedAt, 'purchase'), {
    subscriptionId: seed.subscriptionId,
    invoiceId: `inv-1${tag}`,
    organizationId: seed.organizationId,
    planId: seed.planId,
    billingPeriod: 'annual',
    seats: 10,
    customerContactEmail: seed.customerEmail,
  });
  await initiateOwnershipTransfer(ctx, envelope(reseller, seed.purchasedAt, 'transfer'), {
    organizationId: seed.organizationId,
    transferId: seed.transferId,
    toEmail: seed.customerEmail,
  });
  await acceptOwnership(ctx, envelope(customer, seed.transferAcceptedAt, 'accept'), {
    organizationId: seed.organizationId,
    transferId: seed.transferId,
    byEmail: seed.customerEmail,
  });
  await addSeats(ctx, envelope(reseller, seed.seatsAddedAt, 'seats'), {
    subscriptionId: seed.subscriptionId,
    invoiceId: `inv-2${tag}`,
    seats: 5,
  });
  await assignSeat(ctx, envelope(reseller, seed.seatsAddedAt, 'assign'), {
    subscriptionId: seed.subscriptionId,
    email: 'dev@globex.example',
  });
  await grantIssuanceRight(ctx, envelope(vendor, seed.seatsAddedAt, 'grant'), {
    rightId: seed.rightId,
    vendorId: seed.vendorId,
    resellerId: seed.resellerId,
    licenseTemplateId: 'gitlens-pro-offline',
    maxLicenses: 3,
    expiresAt: '2027-01-01T00:00:00.000Z',
    nfr: false,
  });
  await issueLicense(ctx, envelope(reseller, seed.licenseIssuedAt, 'license'), {
    licenseId: seed.licenseId,
    rightId: seed.rightId,
    organizationId: seed.organizationId,
  });
}
