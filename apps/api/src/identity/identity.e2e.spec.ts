import { readFileSync } from 'node:fs';
import request from 'supertest';
import { EventStore } from '@channel-ledger/event-store';
import { registerVerifiedReseller, signInStaff } from '../../test/actors';
import { mailboxFiles, requestSignInToken, signIn } from '../../test/sign-in';
import { readMailbox } from '../../test/mailbox';
import { startTestApp, TEST_STAFF, TestApp } from '../../test/test-app';
import { EVENT_STORE } from '../infrastructure/infrastructure.module';

const HOUR = 3_600_000;

describe('identity: one-time links, sessions, API keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('rule 16: a link works once', async () => {
    const token = await requestSignInToken(t, TEST_STAFF.support);
    await request(t.http).post('/auth/sessions').send({ token }).expect(201);
    const reuse = await request(t.http).post('/auth/sessions').send({ token }).expect(422);
    expect(reuse.body.code).toBe('sign-in-link-already-used');
  });

  it('rule 16: a link expires after 24 hours', async () => {
    const token = await requestSignInToken(t, TEST_STAFF.auditor);
    t.clock.advance(24 * HOUR + 60_000);
    const late = await request(t.http).post('/auth/sessions').send({ token }).expect(422);
    expect(late.body.code).toBe('sign-in-link-expired');
  });

  it('answers a link request for an unknown address exactly like one for a known address, and mails nothing', async () => {
    const before = await mailboxFiles(t);
    const known = await request(t.http).post('/auth/sign-in-links').send({ email: TEST_STAFF.operator });
    const unknown = await request(t.http).post('/auth/sign-in-links').send({ email: 'nobody@nowhere.example' });
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const fresh = (await readMailbox(t.mailboxDir)).filter((m) => !before.has(m.file));
    expect(fresh.map((m) => m.to)).not.toContain('nobody@nowhere.example');
  });

  it('refreshes with rotation; after sign-out neither the access token nor the refresh token works', async () => {
    const session = await signIn(t, TEST_STAFF.support);
    await request(t.http)
      .get('/auth/me')
      .set(session.auth)
      .expect(200, { via: 'session', role: 'support', tenantId: null, subject: TEST_STAFF.support, readOnly: false });
    const refreshed = await request(t.http).post('/auth/sessions/refresh').send({ refreshToken: session.refreshToken }).expect(200);
    await request(t.http)
      .get('/auth/me')
      .set({ Authorization: `Bearer ${refreshed.body.accessToken}` })
      .expect(200);

    await request(t.http)
      .delete('/auth/session')
      .set({ Authorization: `Bearer ${refreshed.body.accessToken}` })
      .expect(204);
    await request(t.http)
      .get('/auth/me')
      .set({ Authorization: `Bearer ${refreshed.body.accessToken}` })
      .expect(401);
    await request(t.http).post('/auth/sessions/refresh').send({ refreshToken: refreshed.body.refreshToken }).expect(401);
  });

  it('a refresh token used twice ends the session (it was copied)', async () => {
    const session = await signIn(t, TEST_STAFF.support);
    await request(t.http).post('/auth/sessions/refresh').send({ refreshToken: session.refreshToken }).expect(200);
    await request(t.http).post('/auth/sessions/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    await request(t.http).get('/auth/me').set(session.auth).expect(401);
  });

  it('refuses forged, tampered and expired access tokens with 401 problem+json', async () => {
    const session = await signIn(t, TEST_STAFF.support);
    const [header, payload, signature] = session.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const elevated = Buffer.from(JSON.stringify({ ...claims, role: 'operator' })).toString('base64url');
    const forged = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    for (const token of [
      `${header}.${elevated}.${signature}`,
      `${forged}.${payload}.`,
      'garbage',
      `${header}.${payload}.${signature.slice(0, -2)}xx`,
    ]) {
      const response = await request(t.http)
        .get('/auth/me')
        .set({ Authorization: `Bearer ${token}` })
        .expect(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.code).toBe('unauthenticated');
    }
    t.clock.advance(16 * 60_000);
    await request(t.http).get('/auth/me').set(session.auth).expect(401);
  });

  it('asks an address with several roles to choose, without using up the link', async () => {
    const { resellerId } = await registerVerifiedReseller(t, { companyName: 'Both Hats', email: 'hats@both.example' });
    const support = await signInStaff(t, 'support');
    await request(t.http)
      .post('/staff-accounts/grants')
      .set(support.auth)
      .send({ email: 'hats@both.example', role: 'auditor' })
      .expect(201);
    const token = await requestSignInToken(t, 'hats@both.example');
    const ambiguous = await request(t.http).post('/auth/sessions').send({ token }).expect(422);
    expect(ambiguous.body.code).toBe('choose-membership');
    const chosen = await request(t.http).post('/auth/sessions').send({ token, role: 'reseller' }).expect(201);
    expect(chosen.body.principal).toEqual({ email: 'hats@both.example', role: 'reseller', tenantId: resellerId });
  });

  it('an API key works for its role, names itself in the events it causes, is refused once revoked, and its secret is stored nowhere', async () => {
    const { resellerId, session } = await registerVerifiedReseller(t, { companyName: 'Billing Bot Co', email: 'ops@billingbot.example' });
    const created = await request(t.http).post('/api-keys').set(session.auth).send({ name: 'billing job' }).expect(201);
    const { keyId, apiKey } = created.body;
    expect(apiKey).toMatch(/^clk_/);
    const key = { Authorization: `ApiKey ${apiKey}` };

    await request(t.http).get(`/resellers/${resellerId}`).set(key).expect(200);
    await request(t.http).post(`/resellers/${resellerId}/payment-methods`).set(key).send({ kind: 'card', label: 'Visa 4242' }).expect(201);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const events = await store.readStream(`reseller-${resellerId}`);
    expect(events.at(-1)!.metadata.actor).toEqual({ kind: 'machine', id: keyId });
    expect(events.at(-1)!.metadata.onBehalfOf).toEqual({ kind: 'reseller', id: resellerId });

    const listed = await request(t.http).get('/api-keys').set(session.auth).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ keyId, name: 'billing job', status: 'active' })]);
    // `clk_<id>_<secret>`: the secret is base64url, so it may itself contain '_'.
    expect(JSON.stringify(listed.body)).not.toContain(apiKey.split('_').slice(2).join('_'));

    const readOnly = await request(t.http).post('/api-keys').set(session.auth).send({ name: 'dashboard', readOnly: true }).expect(201);
    await request(t.http).get(`/resellers/${resellerId}`).set({ 'X-Api-Key': readOnly.body.apiKey }).expect(200);
    const refused = await request(t.http)
      .post(`/resellers/${resellerId}/payment-methods`)
      .set({ 'X-Api-Key': readOnly.body.apiKey })
      .send({ kind: 'card', label: 'x' })
      .expect(403);
    expect(refused.body.code).toBe('read-only-api-key');

    await request(t.http).delete(`/api-keys/${keyId}`).set(session.auth).expect(204);
    await request(t.http).get(`/resellers/${resellerId}`).set(key).expect(401);

    const secret = apiKey.split('_').slice(2).join('_');
    for (const file of [t.sqlitePath, `${t.sqlitePath}-wal`]) {
      let bytes = '';
      try {
        bytes = readFileSync(file).toString('latin1');
      } catch {
        continue;
      }
      expect(bytes).not.toContain(secret);
    }
  });

  it("another tenant's API key is not found", async () => {
    const a = await registerVerifiedReseller(t, { companyName: 'A Co', email: 'a@a-co.example' });
    const b = await registerVerifiedReseller(t, { companyName: 'B Co', email: 'b@b-co.example' });
    const created = await request(t.http).post('/api-keys').set(a.session.auth).send({ name: 'mine' }).expect(201);
    await request(t.http).delete(`/api-keys/${created.body.keyId}`).set(b.session.auth).expect(404);
  });

  it('support grants later staff accounts; a vendor admin only for its own vendor', async () => {
    const support = await signInStaff(t, 'support');
    await request(t.http)
      .post('/staff-accounts/grants')
      .set(support.auth)
      .send({ email: 'new.auditor@ledger.test', role: 'auditor' })
      .expect(201);
    const auditor = await signIn(t, 'new.auditor@ledger.test');
    expect(auditor.principal.role).toBe('auditor');
    const admin = await signIn(t, TEST_STAFF.vendorAdmins['vendor-1']);
    const refused = await request(t.http)
      .post('/staff-accounts/grants')
      .set(admin.auth)
      .send({ email: 'x@vendor-2.test', role: 'vendor-admin', vendorId: 'vendor-2' })
      .expect(422);
    expect(refused.body.code).toBe('not-permitted');
  });
});
