import request from 'supertest';
import { resellerStream } from '@channel-ledger/domain';
import { signInStaff } from '../../test/actors';
import { TestSession } from '../../test/sign-in';
import { startTestApp, TestApp } from '../../test/test-app';
import { eventsOf } from '../subscriptions/subscriptions.fixtures';

const DAY = 86_400_000;

describe('the sandbox test clock (Stripe-style), where the configuration allows it', () => {
  let t: TestApp;
  let operator: TestSession;
  const clock = (session = operator) => ({
    get: () => request(t.http).get('/sandbox/clock').set(session.auth),
    put: (body: object) => request(t.http).put('/sandbox/clock').set(session.auth).send(body),
    advance: (body: object) => request(t.http).post('/sandbox/clock/advance').set(session.auth).send(body),
    reset: () => request(t.http).delete('/sandbox/clock').set(session.auth),
  });
  /** Sessions expire on the ledger clock: a jump of days ends them, as it would for anyone. */
  const signInAgain = async () => {
    operator = await signInStaff(t, 'operator');
  };

  beforeAll(async () => {
    t = await startTestApp();
    await signInAgain();
  });
  afterAll(() => t.close());

  it('reads, sets forward and advances the time commands are stamped with', async () => {
    const read = await clock().get().expect(200);
    expect(Math.abs(Date.parse(read.body.now) - Date.now())).toBeLessThan(60_000);

    const target = new Date(Date.now() + 30 * DAY);
    const set = await clock().put({ now: target.toISOString() }).expect(200);
    expect(Date.parse(set.body.now) - target.getTime()).toBeLessThan(5_000);
    expect(set.body.aheadByMs).toBeGreaterThan(29 * DAY);

    await signInAgain();
    const advanced = await clock().advance({ days: 7, hours: 1 }).expect(200);
    expect(Date.parse(advanced.body.now) - Date.parse(set.body.now)).toBeGreaterThanOrEqual(7 * DAY + 3_600_000);

    // What is recorded now carries the sandbox time as its business time.
    await signInAgain();
    const registered = await request(t.http)
      .post('/resellers')
      .send({ companyName: 'Time Travel Resale', email: 'sales@timetravel.example', partnerKind: 'reseller' })
      .expect(201);
    const [event] = await eventsOf(t, resellerStream(registered.body.resellerId));
    expect(Date.parse(event.metadata.occurredAt) - Date.parse(advanced.body.now)).toBeLessThan(60_000);
    expect(Date.parse(event.metadata.occurredAt) - Date.now()).toBeGreaterThan(37 * DAY);
  });

  it('only moves forward: setting it back is refused (clock-cannot-go-back); an empty or huge advance is bad input', async () => {
    const before = (await clock().get().expect(200)).body.now;
    const back = await clock()
      .put({ now: new Date(Date.parse(before) - DAY).toISOString() })
      .expect(422);
    expect(back.body).toMatchObject({ code: 'clock-cannot-go-back', detail: expect.stringContaining('only moves forward') });
    expect(Date.parse((await clock().get().expect(200)).body.now)).toBeGreaterThanOrEqual(Date.parse(before));

    expect((await clock().advance({}).expect(400)).body.code).toBe('invalid-input');
    expect((await clock().advance({ days: -1 }).expect(400)).body.code).toBe('invalid-input');
    expect(
      (
        await clock()
          .advance({ days: 3000, hours: 24 * 700 })
          .expect(400)
      ).body.code,
    ).toBe('invalid-input');
    expect((await clock().put({ now: 'next tuesday' }).expect(400)).body.code).toBe('invalid-input');
    expect((await clock().put({ now: '2350-01-01T00:00:00Z' }).expect(400)).body.code).toBe('invalid-input');
  });

  it('is reset to real time on purpose', async () => {
    const reset = await clock().reset().expect(200);
    expect(reset.body.aheadByMs).toBe(0);
    expect(Math.abs(Date.parse(reset.body.now) - Date.now())).toBeLessThan(5_000);
  });

  it('belongs to operators and support; nobody else moves time', async () => {
    await signInAgain();
    const support = await signInStaff(t, 'support');
    await clock(support).advance({ minutes: 5 }).expect(200);
    const auditor = await signInStaff(t, 'auditor');
    await clock(auditor).get().expect(403);
    await clock(auditor).advance({ minutes: 5 }).expect(403);
    await request(t.http).post('/sandbox/clock/advance').send({ days: 1 }).expect(401);
    t.clock.reset();
  });
});

describe('the sandbox test clock where the configuration has none (as in production)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { CHANNEL_LEDGER_TEST_CLOCK: 'false' } });
  });
  afterAll(() => t.close());

  it('does not exist: every route answers exactly like an unknown route, signed in or not', async () => {
    const operator = await signInStaff(t, 'operator');
    const routes: [string, string][] = [
      ['get', '/sandbox/clock'],
      ['put', '/sandbox/clock'],
      ['post', '/sandbox/clock/advance'],
      ['delete', '/sandbox/clock'],
    ];
    for (const [method, path] of routes) {
      const unknownPath = path.replace('/sandbox/', '/sandbox-nothing-here/');
      for (const auth of [{}, operator.auth]) {
        const answer = await request(t.http)[method as 'get'](path).set(auth).send({ days: 1, now: '2030-01-01T00:00:00Z' });
        const unknown = await request(t.http)[method as 'get'](unknownPath).set(auth).send({ days: 1, now: '2030-01-01T00:00:00Z' });
        expect(answer.status).toBe(404);
        expect({ ...answer.body, detail: undefined, instance: undefined }).toEqual({
          ...unknown.body,
          detail: undefined,
          instance: undefined,
        });
        expect(answer.body.detail).toBe(`Cannot ${method.toUpperCase()} ${path}`);
      }
    }
  });
});
