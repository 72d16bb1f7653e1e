import request from 'supertest';
import { eventIdFor, EventStore, WrongExpectedRevisionError } from '@channel-ledger/event-store';
import { ProjectionRunner } from '@channel-ledger/projections';
import { signInStaff } from '../../test/actors';
import { startTestApp, TestApp } from '../../test/test-app';
import { EVENT_STORE } from '../infrastructure/infrastructure.module';
import { PROJECTION_RUNNER } from '../infrastructure/read-store.provider';
import { InstrumentedEventStore } from './instrumented-event-store';
import { redactUrl } from './logging';

/** The value of one sample in Prometheus text format, e.g. `channel_ledger_commands_total{command="…",outcome="accepted"}`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | null {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const matches = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (matches) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return null;
}

describe('operations: health, readiness and metrics over HTTP', () => {
  jest.setTimeout(60_000);
  let t: TestApp;
  let operator: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp();
    operator = (await signInStaff(t, 'operator')).auth;
  });
  afterAll(() => t.close());

  const scrape = async (auth = operator) =>
    (
      await request(t.http)
        .get('/metrics')
        .set(auth)
        .expect(200)
        .expect('Content-Type', /text\/plain/)
    ).text;

  it('answers liveness and readiness without credentials', async () => {
    const live = await request(t.http).get('/health').expect(200);
    expect(live.body).toMatchObject({ status: 'ok', info: { process: { status: 'up', pid: expect.any(Number) } } });
    const ready = await request(t.http).get('/health/ready').expect(200);
    expect(ready.body.status).toBe('ok');
    expect(ready.body.info).toMatchObject({
      shutdown: { status: 'up' },
      eventStore: { status: 'up', kind: 'sqlite' },
      readStore: { status: 'up', kind: 'sqlite' },
      projections: { status: 'up', runsInThisProcess: true, maxLagSeconds: 60 },
    });
    expect(ready.body.info.projections.projections.length).toBeGreaterThan(3);
  });

  it('serves metrics to operators only: 401 without credentials, 403 for another role', async () => {
    await request(t.http).get('/metrics').expect(401);
    const support = await signInStaff(t, 'support');
    await request(t.http).get('/metrics').set(support.auth).expect(403);
    const text = await scrape();
    expect(text).toContain('# TYPE channel_ledger_http_request_duration_seconds histogram');
    expect(text).toContain('# TYPE channel_ledger_projection_lag_seconds gauge');
    expect(text).toContain('channel_ledger_process_cpu_user_seconds_total');
  });

  it('lets Prometheus scrape with an operator API key (Authorization: ApiKey <key>)', async () => {
    const created = await request(t.http).post('/api-keys').set(operator).send({ name: 'prometheus', readOnly: true }).expect(201);
    const text = await scrape({ Authorization: `ApiKey ${created.body.apiKey}` });
    expect(sample(text, 'channel_ledger_event_store_head_position')).toBeGreaterThan(0);
  });

  it('counts a command by type and outcome, its events and its append, and HTTP latency by route', async () => {
    const before = await scrape();
    const counted = { command: 'RegisterReseller.register', outcome: 'accepted' };
    const accepted = sample(before, 'channel_ledger_commands_total', counted) ?? 0;
    const registered = sample(before, 'channel_ledger_events_appended_total', { type: 'ResellerRegistered' }) ?? 0;

    await request(t.http)
      .post('/resellers')
      .send({ companyName: 'Metered Resale', email: 'sales@metered.example', partnerKind: 'reseller' })
      .expect(201);
    await request(t.http).post('/resellers').send({ companyName: '', email: 'not-an-address', partnerKind: 'reseller' }).expect(400);

    const after = await scrape();
    expect(sample(after, 'channel_ledger_commands_total', counted)).toBe(accepted + 1);
    expect(
      sample(after, 'channel_ledger_commands_total', { command: 'RegisterReseller.register', outcome: 'invalid' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'channel_ledger_events_appended_total', { type: 'ResellerRegistered' })).toBe(registered + 1);
    expect(
      sample(after, 'channel_ledger_event_store_append_duration_seconds_count', { category: 'reseller', outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(after, 'channel_ledger_http_request_duration_seconds_count', { method: 'POST', route: '/resellers', status: '201' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'channel_ledger_projection_position', { projection: 'reseller-view' })).not.toBeNull();
  });

  it('counts optimistic-concurrency conflicts and the retry that follows', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    expect(store).toBeInstanceOf(InstrumentedEventStore);
    const commandId = 'conflicting-command';
    const event = (type: string) => ({
      eventId: eventIdFor(commandId, 0),
      type,
      data: {},
      metadata: {
        commandId,
        correlationId: commandId,
        causationId: commandId,
        actor: { kind: 'system' as const, id: 'test' },
        onBehalfOf: null,
        occurredAt: new Date().toISOString(),
        schemaVersion: 1,
      },
    });
    await store.append('catalog-metered', [{ ...event('PlanPublished'), eventId: eventIdFor('first', 0) }], 'no-stream');
    const before = await scrape();
    await expect(store.append('catalog-metered', [event('PlanRetired')], 'no-stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await store.append('catalog-metered', [event('PlanRetired')], 0n); // the pipeline's retry, on fresh state
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);
    expect(delta('channel_ledger_append_conflicts_total', { category: 'catalog' })).toBe(1);
    expect(delta('channel_ledger_command_retries_total', { category: 'catalog' })).toBe(1);
    expect(delta('channel_ledger_event_store_append_duration_seconds_count', { category: 'catalog', outcome: 'conflict' })).toBe(1);
  });

  it('is not ready while a projection is stopped, and says which', async () => {
    const runner = t.app.get<ProjectionRunner>(PROJECTION_RUNNER);
    await runner.stop();
    const ready = await request(t.http).get('/health/ready').expect(503);
    expect(ready.body.status).toBe('error');
    expect(ready.body.error.projections.message).toMatch(/is stopped/);
    expect(ready.body.info.eventStore.status).toBe('up');
    await request(t.http).get('/health').expect(200); // alive all the same
  });

  it('never logs secrets in URLs', () => {
    expect(redactUrl('/auth/verify?token=abc.def&next=/home&apiKey=clk_1')).toBe(
      '/auth/verify?token=[redacted]&next=/home&apiKey=[redacted]',
    );
    expect(redactUrl('/resellers/r-1')).toBe('/resellers/r-1');
  });
});
