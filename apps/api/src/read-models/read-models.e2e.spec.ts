import request from 'supertest';
import { INestApplication } from '@nestjs/common';
import { runSeedScenario, seed } from '@channel-ledger/application/testing/seed-scenario';
import { EventStore } from '@channel-ledger/event-store';
import { ProjectionRunner, readModelProjections } from '@channel-ledger/projections';
import { startTestApp } from '../../test/test-app';
import { EVENT_STORE } from '../infrastructure/infrastructure.module';
import { PROJECTION_RUNNER } from '../infrastructure/read-store.provider';

describe('read models over HTTP (projections running inside the API on the embedded store)', () => {
  let app: INestApplication;
  const get = (path: string, actor: string) => request(app.getHttpServer()).get(path).set('X-Actor', actor);
  const asReseller = `reseller:${seed.resellerId}`;

  beforeAll(async () => {
    ({ app } = await startTestApp());
    const store = app.get<EventStore>(EVENT_STORE);
    await runSeedScenario(store);
    await app.get<ProjectionRunner>(PROJECTION_RUNNER).waitUntilCaughtUp(await store.headPosition());
  });
  afterAll(() => app.close());

  it('shows the reseller its customers and their subscriptions', async () => {
    const customers = await get(`/resellers/${seed.resellerId}/customers`, asReseller).expect(200);
    expect(customers.body.items).toHaveLength(1);
    expect(customers.body.items[0]).toMatchObject({
      organizationId: seed.organizationId,
      name: 'Globex',
      owner: { kind: 'customer', email: seed.customerEmail },
      transferStatus: 'none',
    });
    const customer = await get(`/resellers/${seed.resellerId}/customers/${seed.organizationId}`, asReseller).expect(200);
    expect(customer.body.subscriptions).toEqual([
      expect.objectContaining({ subscriptionId: seed.subscriptionId, seats: 15, seatsAssigned: 1, status: 'active', annualTotal: '1440.00' }),
    ]);
    const rights = await get(`/resellers/${seed.resellerId}/issuance-rights`, asReseller).expect(200);
    expect(rights.body.items[0]).toMatchObject({ rightId: seed.rightId, used: 1, remaining: 2 });
  });

  it("answers another reseller's and an anonymous caller's reads with 404", async () => {
    await get(`/resellers/${seed.resellerId}/customers`, 'reseller:someone-else').expect(404);
    await request(app.getHttpServer()).get(`/resellers/${seed.resellerId}/subscriptions`).expect(404);
    await get(`/organizations/${seed.organizationId}`, 'customer:stranger@else.example').expect(404);
    await get(`/organizations/${seed.organizationId}`, asReseller).expect(404);
  });

  it('shows the customer its organization read-only, bought through the reseller, without prices', async () => {
    const view = await get(`/organizations/${seed.organizationId}`, `customer:${seed.customerEmail}`).expect(200);
    expect(view.body.boughtThrough).toMatchObject({ resellerId: seed.resellerId, companyName: 'Acme Resale' });
    expect(view.body.subscriptions).toEqual([expect.objectContaining({ subscriptionId: seed.subscriptionId, seats: 15 })]);
    expect(JSON.stringify(view.body)).not.toMatch(/unitPrice|annualTotal|invoice|"total"|96\.00/i);
    const mine = await get('/me/organizations', `customer:${seed.customerEmail}`).expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ organizationId: seed.organizationId, role: 'owner' })]);
  });

  it("answers support's questions: the subscription's history and who the invoice owner was on a date", async () => {
    const trail = await get(`/audit/subscriptions/${seed.subscriptionId}/events`, 'support:s-1').expect(200);
    expect(trail.body.items.map((e: { type: string }) => e.type)).toEqual([
      'SubscriptionPurchased',
      'InvoiceIssued',
      'SeatsPurchased',
      'InvoiceIssued',
      'SeatAssigned',
    ]);
    const owner = await get(`/audit/subscriptions/${seed.subscriptionId}/invoice-owner?at=2026-07-01`, 'auditor:a-1').expect(200);
    expect(owner.body).toMatchObject({ at: '2026-07-01T00:00:00.000Z', invoiceOwner: { owner: { kind: 'reseller', id: seed.resellerId }, channel: 'reseller' } });
    const before = await get(`/audit/subscriptions/${seed.subscriptionId}/invoice-owner?at=2025-12-31`, 'auditor:a-1').expect(200);
    expect(before.body.invoiceOwner).toBeNull();
    const bad = await get(`/audit/subscriptions/${seed.subscriptionId}/invoice-owner?at=yesterday`, 'auditor:a-1').expect(400);
    expect(bad.body.errors[0].field).toBe('at');
    await get(`/audit/subscriptions/${seed.subscriptionId}/events`, asReseller).expect(404);
  });

  it("serves the vendor's sales dashboard to its own admin only", async () => {
    const sales = await get(`/reports/vendors/${seed.vendorId}/monthly-sales`, `vendor-admin:${seed.vendorId}`).expect(200);
    expect(sales.body.months.map((m: { month: string; seatsSold: number }) => [m.month, m.seatsSold])).toEqual([
      ['2026-01', 10],
      ['2026-06', 5],
    ]);
    const active = await get(`/reports/vendors/${seed.vendorId}/active-subscriptions`, 'support:s-1').expect(200);
    expect(active.body.total).toBe(1);
    await get(`/reports/vendors/${seed.vendorId}/renewals-due?withinDays=45`, 'support:s-1').expect(400);
    await get(`/reports/vendors/${seed.vendorId}/monthly-sales`, 'vendor-admin:another-vendor').expect(404);
  });

  it('validates list queries', async () => {
    const res = await get(`/resellers/${seed.resellerId}/subscriptions?status=paused&limit=0`, asReseller).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['limit', 'status']);
  });

  it('reports projection status to support', async () => {
    const status = await get('/projections', 'support:s-1').expect(200);
    expect(status.body.projections.map((p: { name: string; state: string; lag: string }) => [p.name, p.state, p.lag])).toEqual(
      readModelProjections.map((p) => [p.name, 'live', '0']),
    );
    await get('/projections', asReseller).expect(404);
  });
});
