import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import request from 'supertest';
import { runSeedScenario, seed } from '@channel-ledger/application/testing/seed-scenario';
import { EventStore, keyIdOf } from '@channel-ledger/event-store';
import { insider } from '@channel-ledger/event-store/testing/insider';
import { ProjectionRunner } from '@channel-ledger/projections';
import { signIn, TestSession } from '../../test/sign-in';
import { startTestApp, TEST_STAFF, TestApp } from '../../test/test-app';
import { Secrets } from '@channel-ledger/application';
import { EVENT_STORE } from '../infrastructure/infrastructure.module';
import { PROJECTION_RUNNER } from '../infrastructure/read-store.provider';
import { LedgerIntegrity } from './integrity/ledger-integrity.service';

const vendorAdmin = `admin@${seed.vendorId}.test`;

describe('auditor-facing HTTP and the running ledger checking itself', () => {
  let t: TestApp;
  let auditor: TestSession;
  let support: TestSession;
  let reseller: TestSession;
  let vendor: TestSession;
  let store: EventStore;
  let knownBeforeSeats: string;

  beforeAll(async () => {
    const staff = [
      `support:${TEST_STAFF.support}`,
      `auditor:${TEST_STAFF.auditor}`,
      `operator:${TEST_STAFF.operator}`,
      `vendor-admin:${seed.vendorId}:${vendorAdmin}`,
    ].join(',');
    t = await startTestApp({ env: { CHANNEL_LEDGER_STAFF: staff } });
    store = t.app.get<EventStore>(EVENT_STORE);
    await runSeedScenario(store);
    const seats = (await store.readStream(`subscription-${seed.subscriptionId}`)).find((e) => e.type === 'SeatsPurchased')!;
    knownBeforeSeats = new Date(Date.parse(seats.metadata.recordedAt) - 1).toISOString();
    await t.app.get<ProjectionRunner>(PROJECTION_RUNNER).waitUntilCaughtUp(await store.headPosition());
    auditor = await signIn(t, TEST_STAFF.auditor, { role: 'auditor' });
    support = await signIn(t, TEST_STAFF.support, { role: 'support' });
    reseller = await signIn(t, seed.resellerEmail, { role: 'reseller' });
    vendor = await signIn(t, vendorAdmin, { role: 'vendor-admin' });
  });
  afterAll(() => t.close());

  it('replays a subscription on both time axes for auditors and support, and for nobody else', async () => {
    const replay = await request(t.http)
      .get(`/audit/subscriptions/${seed.subscriptionId}/replay`)
      .query({ asOf: '2026-12-31' })
      .set(auditor.auth)
      .expect(200);
    const seats = replay.body.steps.find((s: { type: string }) => s.type === 'SeatsPurchased');
    expect(seats).toMatchObject({
      actor: { kind: 'reseller' },
      effectiveAt: seed.seatsAddedAt,
      sentence: expect.stringMatching(/Seats added: 10 → 15/),
      stateAfter: { seats: 15 },
    });
    const before = await request(t.http)
      .get(`/audit/subscriptions/${seed.subscriptionId}/state`)
      .query({ asOf: '2026-06-14' })
      .set(support.auth)
      .expect(200);
    expect(before.body.state.seats).toBe(10);
    const unknown = await request(t.http)
      .get(`/audit/subscriptions/${seed.subscriptionId}/state`)
      .query({ asOf: '2026-12-31', asKnownAt: knownBeforeSeats })
      .set(auditor.auth)
      .expect(200);
    expect(unknown.body.state.seats).toBe(10);
    await request(t.http).get(`/audit/subscriptions/${seed.subscriptionId}/replay`).set(reseller.auth).expect(403);
    await request(t.http).get('/audit/subscriptions/no-such-sub/replay').set(auditor.auth).expect(404);
    const bad = await request(t.http)
      .get(`/audit/subscriptions/${seed.subscriptionId}/state`)
      .query({ asOf: 'soon' })
      .set(auditor.auth)
      .expect(400);
    expect(bad.body.code).toBe('invalid-input');
  });

  it('replays organizations and resellers, and answers who the invoice owner was and what made it so', async () => {
    await request(t.http).get(`/audit/organizations/${seed.organizationId}/replay`).set(auditor.auth).expect(200);
    const state = await request(t.http).get(`/audit/resellers/${seed.resellerId}/state`).set(auditor.auth).expect(200);
    expect(state.body.eventsInForce).toBeGreaterThan(0);
    const owner = await request(t.http)
      .get(`/audit/subscriptions/${seed.subscriptionId}/invoice-owner/from-log`)
      .query({ at: '2026-03-01' })
      .set(support.auth)
      .expect(200);
    expect(owner.body).toMatchObject({
      invoiceOwner: { kind: 'reseller', id: seed.resellerId, channel: 'reseller', since: seed.purchasedAt },
      madeSoBy: { type: 'SubscriptionPurchased' },
    });
  });

  it('seals signed checkpoints, shows the latest with its key, and found the log intact at start-up', async () => {
    const integrity = t.app.get(LedgerIntegrity);
    expect((await integrity.seal())?.sealed).toBe(true);
    const latest = await request(t.http).get('/audit/checkpoints/latest').set(auditor.auth).expect(200);
    expect(latest.body).toMatchObject({
      checkpoint: { sequence: 1, digest: expect.stringMatching(/^[0-9a-f]{64}$/) },
      keyId: keyIdOf(t.app.get(Secrets).checkpointSigningKey().publicKey),
    });
    expect((await integrity.startUpCheck()).state).toBe('not-checked'); // the log had no checkpoint when the app started
  });

  it('refuses to append to a stream re-hashed consistently or deleted whole, with a clear problem code, and raises it', async () => {
    const integrity = t.app.get(LedgerIntegrity);
    await integrity.seal();
    const subscription = `subscription-${seed.subscriptionId}`;
    const catalog = `catalog-${seed.vendorId}`;
    insider.rehashStream(t.sqlitePath, subscription, (data, revision) => (revision === 0n ? { ...data, seats: 1000 } : data));
    insider.deleteStream(t.sqlitePath, catalog);
    const lengths = async () => [(await store.readStream(subscription)).length, (await store.readStream(catalog)).length];
    const before = await lengths();

    const seats = await request(t.http)
      .post(`/subscriptions/${seed.subscriptionId}/seats`)
      .set(reseller.auth)
      .send({ seats: 1 })
      .expect(422);
    expect(seats.body).toMatchObject({
      code: 'stream-integrity-broken',
      detail: expect.stringMatching(new RegExp(`${subscription}.*rewritten`)),
    });
    const plan = await request(t.http)
      .post(`/vendors/${seed.vendorId}/plans`)
      .set(vendor.auth)
      .send({ planId: 'gitlens-new', product: 'GitLens', tier: 'teams', currency: 'USD', prices: { annual: '144.00' } })
      .expect(422);
    expect(plan.body).toMatchObject({ code: 'stream-integrity-broken', detail: expect.stringMatching(new RegExp(`${catalog}.*gone`)) });
    expect(await lengths()).toEqual(before);

    const status = await request(t.http).get('/audit/integrity').set(auditor.auth).expect(200);
    expect(status.body.refusedStreams).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ streamId: subscription, kind: 'rewritten' }),
        expect.objectContaining({ streamId: catalog, kind: 'stream-deleted' }),
      ]),
    );
    // The rewritten past is not sealed over: a seal only extends the last checkpoint with new events.
    expect((await integrity.seal())?.sealed).toBe(false);
  });
});

describe('the ledger compares itself with its last signed checkpoint at start-up', () => {
  it('finds a stream truncated while the API was stopped', async () => {
    const first = await startTestApp();
    const sqlitePath = first.sqlitePath;
    await runSeedScenario(first.app.get<EventStore>(EVENT_STORE));
    await first.close({ keepFiles: true }); // seals on shutdown
    insider.deleteLastEventOf(sqlitePath, `subscription-${seed.subscriptionId}`);

    const second = await startTestApp({ sqlitePath });
    try {
      const check = await second.app.get(LedgerIntegrity).startUpCheck();
      expect(check.state).toBe('broken');
      expect(check.result?.findings).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'truncated', streamId: `subscription-${seed.subscriptionId}` })]),
      );
    } finally {
      await second.close();
      rmSync(dirname(sqlitePath), { recursive: true, force: true });
    }
  });
});
