import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CommandEnvelope, LedgerContext, publishPlan, purchaseSubscription } from '@channel-ledger/application';
import { Actor, EventStore, RecordedEvent } from '@channel-ledger/event-store';
import { ProjectionRunner } from '@channel-ledger/projections';
import { TestSession } from '../../test/sign-in';
import { TestApp } from '../../test/test-app';
import { EVENT_STORE } from '../infrastructure/infrastructure.module';
import { PROJECTION_RUNNER } from '../infrastructure/read-store.provider';

/** Test-only helpers of the organization e2e specs (not a spec itself). */

export const DAY = 24 * 3_600_000;

export async function createOrganization(
  t: TestApp,
  reseller: TestSession,
  body: { name: string; customerContactEmail: string; vendorId?: string; [field: string]: unknown },
): Promise<string> {
  const response = await request(t.http)
    .post('/organizations')
    .set(reseller.auth)
    .send({ vendorId: 'vendor-1', ...body })
    .expect(201);
  return response.body.organizationId;
}

export async function offerOwnership(t: TestApp, reseller: TestSession, organizationId: string, toEmail: string): Promise<string> {
  const response = await request(t.http)
    .post(`/organizations/${organizationId}/ownership-transfers`)
    .set(reseller.auth)
    .send({ toEmail })
    .expect(201);
  return response.body.transferId;
}

/** Read-your-writes for the read models: waits until every projection has seen the log's head. */
export async function readModelsCaughtUp(t: TestApp): Promise<void> {
  const store = t.app.get<EventStore>(EVENT_STORE);
  await t.app.get<ProjectionRunner>(PROJECTION_RUNNER).waitUntilCaughtUp(await store.headPosition());
}

export function organizationEvents(t: TestApp, organizationId: string): Promise<RecordedEvent[]> {
  return t.app.get<EventStore>(EVENT_STORE).readStream(`organization-${organizationId}`);
}

/** For preconditions owned by other slices (plans, purchases): the use case called directly. */
export function envelopeFor(t: TestApp, actor: Actor): CommandEnvelope {
  const commandId = randomUUID();
  return { commandId, correlationId: commandId, causationId: commandId, actor, onBehalfOf: null, occurredAt: t.clock.now().toISOString() };
}

/** Publishes an annual plan of vendor-1 and buys `seats` of it for the organization: returns the invoice's ids. */
export async function purchaseFor(
  t: TestApp,
  input: { resellerId: string; reseller: TestSession; organizationId: string; customerContactEmail: string; planId: string },
): Promise<{ subscriptionId: string; invoiceId: string }> {
  const ctx = t.app.get(LedgerContext);
  await publishPlan(ctx, envelopeFor(t, { kind: 'vendor-admin', id: 'vendor-1' }), {
    vendorId: 'vendor-1',
    planId: input.planId,
    product: 'Ledger',
    tier: 'pro',
    currency: 'USD',
    prices: { annual: '120.00' },
  });
  await request(t.http)
    .post(`/resellers/${input.resellerId}/payment-methods`)
    .set(input.reseller.auth)
    .send({ kind: 'card', label: 'Visa •••• 4242', makeDefault: true })
    .expect(201);
  const subscriptionId = randomUUID();
  const invoiceId = randomUUID();
  await purchaseSubscription(ctx, envelopeFor(t, { kind: 'reseller', id: input.resellerId }), {
    subscriptionId,
    invoiceId,
    organizationId: input.organizationId,
    planId: input.planId,
    billingPeriod: 'annual',
    seats: 5,
    customerContactEmail: input.customerContactEmail,
  });
  return { subscriptionId, invoiceId };
}
