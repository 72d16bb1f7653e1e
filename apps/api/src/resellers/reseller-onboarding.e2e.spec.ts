import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import request from 'supertest';
import { INestApplication } from '@nestjs/common';
import { EventStore, verifyStreamChain } from '@channel-ledger/event-store';
import { resellerStream } from '@channel-ledger/domain';
import { readMailbox, waitForMail } from '../../test/mailbox';
import { signIn } from '../../test/sign-in';
import { startTestApp, TestApp } from '../../test/test-app';
import { EVENT_STORE } from '../infrastructure/infrastructure.module';

describe('reseller onboarding over HTTP (embedded SQLite store)', () => {
  let t: TestApp;
  let app: INestApplication;
  const leftovers: string[] = [];

  beforeEach(async () => {
    t = await startTestApp();
    app = t.app;
  });
  afterEach(async () => {
    await t.close();
    for (const dir of leftovers.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** The verification token from the newest verification mail to `to` (the mail sender follows the log). */
  async function tokenMailedTo(to: string): Promise<string> {
    const mail = await waitForMail(t.mailboxDir, to, 'Verify your reseller e-mail address');
    const token = mail.text.match(/"token":"([A-Za-z0-9_-]+)"/)?.[1];
    if (!token) throw new Error(`no token in the verification mail to ${to}:\n${mail.text}`);
    return token;
  }

  const register = (body: object, headers: Record<string, string> = {}) =>
    request(app.getHttpServer()).post('/resellers').set(headers).send(body);

  it('registers, refuses everything until the e-mail is verified (rule 1), then allows it', async () => {
    const registered = await register({ companyName: 'Acme Resale', email: 'Sales@Acme.example', partnerKind: 'reseller' }).expect(201);
    const { resellerId } = registered.body;
    expect(registered.body.status).toBe('pending-verification');
    expect(registered.headers.location).toBe(`/resellers/${resellerId}`);
    // Rule 1 is the domain's: an unverified reseller may sign in, and is refused everything.
    const asAcme = (await signIn(t, 'sales@acme.example', { role: 'reseller' })).auth;

    const early = await request(app.getHttpServer())
      .post(`/resellers/${resellerId}/payment-methods`)
      .set(asAcme)
      .send({ kind: 'card', label: 'Visa 4242' })
      .expect(422);
    expect(early.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(early.body).toMatchObject({ status: 422, code: 'reseller-email-not-verified' });

    const wrong = await request(app.getHttpServer())
      .post(`/resellers/${resellerId}/email-verification`)
      .send({ token: 'this-is-not-the-token-we-sent' })
      .expect(422);
    expect(wrong.body.code).toBe('verification-token-invalid');

    const token = await tokenMailedTo('sales@acme.example');
    await request(app.getHttpServer())
      .post(`/resellers/${resellerId}/email-verification`)
      .send({ token })
      .expect(200, { resellerId, status: 'verified' });

    await request(app.getHttpServer())
      .post(`/resellers/${resellerId}/payment-methods`)
      .set(asAcme)
      .send({ kind: 'card', label: 'Visa 4242', makeDefault: true })
      .expect(201);
    const profile = await request(app.getHttpServer()).get(`/resellers/${resellerId}`).set(asAcme).expect(200);
    expect(profile.body).toMatchObject({
      companyName: 'Acme Resale',
      email: 'sales@acme.example',
      status: 'verified',
      paymentMethods: [{ kind: 'card', label: 'Visa 4242' }],
    });
    expect(profile.body.defaultPaymentMethodId).toBe(profile.body.paymentMethods[0].paymentMethodId);
  });

  it('refuses an alliance partner: it is not a reseller', async () => {
    const res = await register({ companyName: 'Ally Corp', email: 'a@ally.example', partnerKind: 'alliance' }).expect(422);
    expect(res.body.code).toBe('alliance-partner-cannot-resell');
    expect(await readMailbox(t.mailboxDir)).toHaveLength(0);
  });

  it('names every wrong field, including unknown ones, as application/problem+json', async () => {
    const res = await register({ email: 'not-an-email', partnerKind: 'distributor', discount: 50 }).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('invalid-input');
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['companyName', 'discount', 'email', 'partnerKind']);
  });

  it('answers malformed JSON and bad headers with a problem, not a stack trace', async () => {
    const res = await request(app.getHttpServer())
      .post('/resellers')
      .set('Content-Type', 'application/json')
      .send('{"companyName": ')
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const key = await register(
      { companyName: 'X', email: 'x@x.example', partnerKind: 'reseller' },
      { 'Idempotency-Key': 'spaces are not allowed' },
    ).expect(400);
    expect(key.body.errors[0].field).toBe('header:Idempotency-Key');
  });

  it('ignores the retired X-Actor header: a forged identity reads nothing', async () => {
    const { body } = await register({ companyName: 'Forged Co', email: 'f@forged.example', partnerKind: 'reseller' }).expect(201);
    await request(app.getHttpServer()).get(`/resellers/${body.resellerId}`).set('X-Actor', 'support:x').expect(401);
  });

  it('treats a retried request (same Idempotency-Key) as the same command: one reseller, one event, one mail', async () => {
    const body = { companyName: 'Retry Ltd', email: 'ops@retry.example', partnerKind: 'marketplace' };
    const first = await register(body, { 'Idempotency-Key': 'order-42' }).expect(201);
    const second = await register(body, { 'Idempotency-Key': 'order-42' }).expect(201);
    expect(second.body.resellerId).toBe(first.body.resellerId);
    const store = app.get<EventStore>(EVENT_STORE);
    const events = await store.readStream(resellerStream(first.body.resellerId));
    expect(events.map((e) => e.type)).toEqual(['ResellerRegistered']);
    await waitForMail(t.mailboxDir, 'ops@retry.example');
    expect((await readMailbox(t.mailboxDir)).filter((m) => m.to === 'ops@retry.example')).toHaveLength(1);
    expect(verifyStreamChain(events)).toEqual({ ok: true });
  });

  it("never shows another reseller's profile: 404 as if it did not exist", async () => {
    const { body } = await register({ companyName: 'Private Co', email: 'p@private.example', partnerKind: 'reseller' }).expect(201);
    await register({ companyName: 'Nosy Co', email: 'n@nosy.example', partnerKind: 'reseller' }).expect(201);
    const nosy = await signIn(t, 'n@nosy.example');
    const res = await request(app.getHttpServer()).get(`/resellers/${body.resellerId}`).set(nosy.auth).expect(404);
    expect(res.body.code).toBe('reseller-not-found');
  });

  it('keeps the data across a restart of the process', async () => {
    const { body } = await register({ companyName: 'Durable Inc', email: 'd@durable.example', partnerKind: 'reseller' }).expect(201);
    const token = await tokenMailedTo('d@durable.example');
    await request(app.getHttpServer()).post(`/resellers/${body.resellerId}/email-verification`).send({ token }).expect(200);
    await t.close({ keepFiles: true });
    leftovers.push(dirname(t.sqlitePath));

    t = await startTestApp({ sqlitePath: t.sqlitePath });
    app = t.app;
    const durable = await signIn(t, 'd@durable.example');
    const profile = await request(app.getHttpServer()).get(`/resellers/${body.resellerId}`).set(durable.auth).expect(200);
    expect(profile.body).toMatchObject({ companyName: 'Durable Inc', status: 'verified' });
  });
});
