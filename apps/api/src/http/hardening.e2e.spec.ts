import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { HttpException, InternalServerErrorException } from '@nestjs/common';
import request from 'supertest';
import { loadConfig } from '@channel-ledger/application';
import { EventStore } from '@channel-ledger/event-store';
import { InvalidCursorError } from '@channel-ledger/read-store';
import { signInStaff } from '../../test/actors';
import { readMailbox } from '../../test/mailbox';
import { TestSession } from '../../test/sign-in';
import { startTestApp, TestApp } from '../../test/test-app';
import { SERVER_TIMEOUTS } from '../bootstrap';
import { EVENT_STORE } from '../infrastructure/infrastructure.module';
import { toProblem } from './problem-details.filter';
import { forbiddenKeyPaths, jsonDepthExceeds, MAX_JSON_DEPTH } from './request-body';

/**
 * Issue 7, "harden the HTTP edge": each refusal over real HTTP, as application/problem+json.
 * The rate limits have an app of their own (3 public requests a minute, 5 signed-in); the rest
 * runs on an app whose limits are out of the way.
 */

const PROBLEM = /^application\/problem\+json/;
const UUID = '5b0b8f3e-7a0c-4c57-9a55-0f7c1f1e2a10';
const VALID_REGISTRATION = { companyName: 'Acme Resale', email: 'sales@acme.example', partnerKind: 'reseller' };

function nested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** A plain node:http POST (supertest takes seconds to push 10 MB); the app must be listening. */
function rawPost(
  t: TestApp,
  path: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<{ status: number; contentType: string; text: string }> {
  const { port } = t.http.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: 'POST', path, headers: { ...headers, 'Content-Length': String(body.length) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type']),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function expectProblem(response: request.Response, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers['content-type']).toMatch(PROBLEM);
  expect(response.body).toMatchObject({ status, code, type: expect.stringContaining(code) });
  expect(response.text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
}

describe('the hardened HTTP edge', () => {
  let t: TestApp;
  let store: EventStore;
  let support: TestSession;
  let auditor: TestSession;

  beforeAll(async () => {
    t = await startTestApp({ env: { CHANNEL_LEDGER_RATE_LIMIT_PUBLIC: '100000', CHANNEL_LEDGER_RATE_LIMIT_SIGNED_IN: '100000' } });
    store = t.app.get<EventStore>(EVENT_STORE);
    support = await signInStaff(t, 'support');
    auditor = await signInStaff(t, 'auditor');
  });

  afterAll(async () => {
    await t?.close();
  });

  const post = (path: string) => request(t.http).post(path);

  describe('request bodies', () => {
    it('answers a body over the configured limit (256 KiB by default) with 413, also for 10 MB', async () => {
      expect(t.config.bodyLimitBytes).toBe(262_144);
      const oneMegabyte = JSON.stringify({ ...VALID_REGISTRATION, companyName: 'x'.repeat(1_000_000) });
      expectProblem(await post('/resellers').set('Content-Type', 'application/json').send(oneMegabyte), 413, 'payload-too-large');
      await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
      const tenMegabytes = await rawPost(t, '/resellers', { 'Content-Type': 'application/json' }, Buffer.alloc(10 * 1024 * 1024, 0x20));
      expect(tenMegabytes.status).toBe(413);
      expect(tenMegabytes.contentType).toMatch(PROBLEM);
      expect(JSON.parse(tenMegabytes.text)).toMatchObject({ status: 413, code: 'payload-too-large' });
    }, 30_000);

    it('answers invalid JSON with 400 invalid-json, without quoting the parser', async () => {
      for (const text of ['{"companyName": ', "{'a': 1}", '{"a":1,}', 'nul', '"just a string"', '42']) {
        const response = await post('/resellers').set('Content-Type', 'application/json').send(text);
        expectProblem(response, 400, 'invalid-json');
        expect(response.body.detail).not.toMatch(/Unexpected|position|token/i);
      }
    });

    it('refuses JSON nested deeper than 32 levels (10,000 levels neither 500s nor blows the stack)', async () => {
      for (const body of [nested(10_000, 'array'), nested(10_000, 'object'), nested(MAX_JSON_DEPTH + 1, 'array')]) {
        expectProblem(await post('/resellers').set('Content-Type', 'application/json').send(body), 400, 'json-too-deep');
      }
      // 32 levels parse; the DTO then names what is wrong with them.
      const deepButAllowed = `{"companyName":"A","email":"a@a.example","partnerKind":"reseller","extra":${nested(MAX_JSON_DEPTH - 1, 'array')}}`;
      const response = await post('/resellers').set('Content-Type', 'application/json').send(deepButAllowed);
      expectProblem(response, 400, 'invalid-input');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['extra']);
      // Brackets inside strings are text, not nesting.
      expect(jsonDepthExceeds(JSON.stringify({ note: '['.repeat(100) }), MAX_JSON_DEPTH)).toBe(false);
      expect(jsonDepthExceeds(JSON.stringify({ note: '\\"[[[' }), 1)).toBe(false);
    });

    it('accepts only application/json: forms, text/plain and multipart are 415 and register nothing', async () => {
      const head = await store.headPosition();
      const forms: [string, string][] = [
        ['application/x-www-form-urlencoded', 'companyName=Evil&email=evil%40evil.example&partnerKind=reseller'],
        ['text/plain', JSON.stringify(VALID_REGISTRATION)],
        ['multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="companyName"\r\n\r\nEvil\r\n--xyz--\r\n'],
        ['application/xml', '<reseller/>'],
        ['application/json-patch+json', JSON.stringify(VALID_REGISTRATION)],
      ];
      for (const [contentType, body] of forms) {
        const response = await post('/resellers').set('Content-Type', contentType).send(body);
        expectProblem(response, 415, 'unsupported-media-type');
      }
      // A body without any Content-Type is refused as well (supertest sends a Buffer untyped).
      const untyped = await post('/resellers').send(Buffer.from(JSON.stringify(VALID_REGISTRATION)));
      expect(untyped.request.getHeader('content-type')).toBeUndefined();
      expectProblem(untyped, 415, 'unsupported-media-type');
      expect(await store.headPosition()).toBe(head);
      expect((await readMailbox(t.mailboxDir)).filter((m) => m.to.includes('evil'))).toHaveLength(0);
    });

    it('takes a write without a body and without a Content-Type, and JSON with a charset', async () => {
      // No body at all: not 415; the DTO then says what is missing.
      const empty = await post('/resellers');
      expectProblem(empty, 400, 'invalid-input');
      const withCharset = await post('/resellers')
        .set('Content-Type', 'application/json; charset=utf-8')
        .send(JSON.stringify({ ...VALID_REGISTRATION, email: 'charset@acme.example' }));
      expect(withCharset.status).toBe(201);
    });

    it('refuses __proto__, constructor and prototype anywhere in a body or query, naming the field', async () => {
      const head = await store.headPosition();
      const cases: [string, string][] = [
        ['{"companyName":"A","email":"p@p.example","partnerKind":"reseller","__proto__":{"isAdmin":true}}', '__proto__'],
        ['{"companyName":"A","email":"p@p.example","partnerKind":"reseller","constructor":{"prototype":{"x":1}}}', 'constructor'],
        ['{"companyName":"A","email":"p@p.example","partnerKind":"reseller","prototype":1}', 'prototype'],
        ['{"companyName":"A","email":"p@p.example","partnerKind":"reseller","extra":[{"__proto__":{"x":1}}]}', 'extra[0].__proto__'],
      ];
      for (const [body, field] of cases) {
        const response = await post('/resellers').set('Content-Type', 'application/json').send(body);
        expectProblem(response, 400, 'invalid-input');
        expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      const query = await request(t.http).get(`/resellers/${UUID}/customers?__proto__=1`).set(support.auth);
      expectProblem(query, 400, 'invalid-input');
      expect(query.body.errors[0].field).toBe('query.__proto__');
      expect(await store.headPosition()).toBe(head);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expect(forbiddenKeyPaths(JSON.parse('{"a":{"b":[1,{"constructor":2}]}}'))).toEqual(['a.b[1].constructor']);
    });

    it('refuses a body sent to a route that takes none, and query parameters a route does not read', async () => {
      const signOut = await request(t.http).delete('/auth/session').set(support.auth).send({ everywhere: true });
      expectProblem(signOut, 400, 'invalid-input');
      expect(signOut.body.errors[0].field).toBe('everywhere');
      const me = await request(t.http).get('/auth/me?cursor=abc').set(support.auth);
      expectProblem(me, 400, 'invalid-input');
      expect(me.body.errors[0].field).toBe('query:cursor');
      // The refused sign-out did not sign anyone out.
      await request(t.http).get('/auth/me').set(support.auth).expect(200);
    });
  });

  describe('ids, cursors and dates', () => {
    it('answers ids that are too long or outside the safe characters with 400 invalid-id', async () => {
      for (const id of [
        'a'.repeat(600),
        'a'.repeat(201),
        '..',
        '..%2F..%2Fetc%2Fpasswd',
        '%C3%A9t%C3%A9',
        '%F0%9F%98%80',
        'a%20b',
        '%00',
        '%E0%A4%A',
      ]) {
        expectProblem(await request(t.http).get(`/resellers/${id}/customers`).set(support.auth), 400, 'invalid-id');
      }
      // Also on a public route, before the DTO or the UUID check.
      expectProblem(await post(`/resellers/${'b'.repeat(600)}/email-verification`).send({ token: 'x'.repeat(40) }), 400, 'invalid-id');
      // 200 characters of the safe set are an id like any other (this one does not exist).
      const ok = await request(t.http)
        .get(`/resellers/${'c'.repeat(200)}/customers`)
        .set(support.auth);
      expect(ok.status).toBe(200);
    });

    it('answers a cursor that cannot be decoded, or belongs to another list, with 400 naming the cursor', async () => {
      const foreign = Buffer.from(JSON.stringify({ v: 1, c: 'reseller_customers', f: 'another-query', k: [], i: 'x' })).toString(
        'base64url',
      );
      for (const path of [`/resellers/${UUID}/customers`, '/api-keys']) {
        for (const cursor of ['garbage', '%00%01', 'e30', 'W10', foreign, 'A'.repeat(2000)]) {
          const response = await request(t.http).get(`${path}?cursor=${cursor}`).set(support.auth);
          // The read models name it as an invalid field (withCursor); elsewhere the filter's invalid-cursor applies.
          expectProblem(response, 400, response.body.code === 'invalid-input' ? 'invalid-input' : 'invalid-cursor');
          expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['cursor']);
        }
      }
      expect(toProblem(new InvalidCursorError('Malformed cursor'))).toMatchObject({
        status: 400,
        code: 'invalid-cursor',
        errors: [{ field: 'cursor' }],
      });
      // Longer than any cursor the API hands out: the DTO refuses it first.
      expectProblem(
        await request(t.http)
          .get(`/resellers/${UUID}/customers?cursor=${'A'.repeat(2001)}`)
          .set(support.auth),
        400,
        'invalid-input',
      );
    });

    it('validates dates before they reach a Date: week dates, impossible days and garbage are 400', async () => {
      const path = `/audit/subscriptions/${UUID}/invoice-owner`;
      for (const at of [
        '2026-W10',
        '2026-W10-1',
        '2026-060',
        '2026-02-30',
        '2026-13-01',
        '2026-03-01T24:00:00Z',
        '2026-03-01T12:00',
        'yesterday',
        '1e9',
        '',
      ]) {
        const response = await request(t.http).get(path).query({ at }).set(auditor.auth);
        expectProblem(response, 400, 'invalid-input');
        expect(response.body.errors[0].field).toBe('at');
      }
      for (const at of ['2026-03-01', '2024-02-29', '2026-03-01T12:00:00Z', '2026-03-01T12:00:00.123+01:00']) {
        await request(t.http).get(path).query({ at }).set(auditor.auth).expect(200);
      }
    });
  });

  describe('responses', () => {
    it('carries helmet security headers on API responses, with a policy that allows nothing', async () => {
      for (const response of [await request(t.http).get('/auth/me').set(support.auth), await post('/resellers').send({})]) {
        expect(response.headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'DENY',
          'referrer-policy': 'no-referrer',
          'cross-origin-opener-policy': 'same-origin',
          'cross-origin-resource-policy': 'same-origin',
        });
        expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
        expect(response.headers['content-security-policy']).toContain("default-src 'none'");
        expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(response.headers['x-powered-by']).toBeUndefined();
      }
    });

    it('gives the Swagger UI under /docs a policy that lets its scripts and inline styles run over plain http', async () => {
      for (const path of ['/docs', '/docs/', '/docs/swagger-ui-init.js']) {
        const policy = (await request(t.http).get(path)).headers['content-security-policy'];
        expect(policy).toContain("script-src 'self' 'unsafe-inline'");
        expect(policy).toContain("style-src 'self' 'unsafe-inline'");
        expect(policy).toContain("img-src 'self' data:");
        expect(policy).toContain("connect-src 'self'");
        expect(policy).not.toContain('upgrade-insecure-requests');
      }
      const docs = await request(t.http).get('/docs').redirects(2);
      if (docs.status === 200) {
        // Everything the page loads comes from this server.
        expect(docs.text).not.toMatch(/<(script|link)[^>]+(src|href)="https?:/i);
      }
    });

    it('never shows a stack trace or an internal message, not even for an unexpected failure', async () => {
      const spy = jest
        .spyOn(store, 'append')
        .mockRejectedValueOnce(new Error('SQLITE_IOERR: disk I/O error on /var/lib/secret/ledger.sqlite'));
      try {
        const response = await post('/resellers').send({ ...VALID_REGISTRATION, email: 'boom@acme.example' });
        expectProblem(response, 500, 'internal-error');
        expect(response.text).not.toMatch(/SQLITE|secret|disk/);
      } finally {
        spy.mockRestore();
      }
      // The same holds for errors rendered without a request.
      for (const error of [
        new Error('connection string esdb://admin:changeit@host'),
        new InternalServerErrorException('pool exhausted at db-7'),
        new HttpException({ message: 'upstream said: ECONNREFUSED 10.0.0.7' }, 502),
        'a thrown string',
      ]) {
        const problem = toProblem(error);
        expect(problem).toMatchObject({ status: 500, code: 'internal-error' });
        expect(JSON.stringify(problem)).not.toMatch(/esdb|pool|ECONNREFUSED|string/);
      }
    });

    it('answers unknown routes with a 404 problem', async () => {
      expectProblem(await request(t.http).get('/no/such/route'), 404, 'not-found');
    });
  });

  it('limits how long a client may take to send headers and a request, and idle keep-alive', () => {
    const server = t.app.getHttpServer();
    expect(server.headersTimeout).toBe(SERVER_TIMEOUTS.headersTimeoutMs);
    expect(server.requestTimeout).toBe(SERVER_TIMEOUTS.requestTimeoutMs);
    expect(server.keepAliveTimeout).toBe(SERVER_TIMEOUTS.keepAliveTimeoutMs);
    expect(server.headersTimeout).toBeLessThanOrEqual(server.requestTimeout);
    expect(server.headersTimeout).toBeLessThanOrEqual(30_000);
  });
});

describe('a configured body limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { CHANNEL_LEDGER_BODY_LIMIT_BYTES: '2048' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is the limit: 3 KB is refused where 1 KB passes', async () => {
    const pad = (size: number) => ({ ...VALID_REGISTRATION, companyName: 'y'.repeat(size) });
    expectProblem(await request(t.http).post('/resellers').send(pad(3000)), 413, 'payload-too-large');
    // Past the body limit, the DTO names the over-long company name instead.
    expectProblem(await request(t.http).post('/resellers').send(pad(1000)), 400, 'invalid-input');
  });
});

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { CHANNEL_LEDGER_RATE_LIMIT_PUBLIC: '3', CHANNEL_LEDGER_RATE_LIMIT_SIGNED_IN: '5' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  function expectTooMany(response: request.Response): void {
    expectProblem(response, 429, 'too-many-requests');
    const retryAfter = Number(response.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  }

  it('default to 30 public and 600 signed-in requests a minute in production, ten times that in development', () => {
    const production = loadConfig({
      CHANNEL_LEDGER_PROFILE: 'production',
      CHANNEL_LEDGER_SECRET: 's'.repeat(32),
      CHANNEL_LEDGER_TEST_CLOCK: 'false',
    });
    expect(production.rateLimits).toEqual({ publicPerMinute: 30, signedInPerMinute: 600 });
    expect(loadConfig({}).rateLimits).toEqual({ publicPerMinute: 300, signedInPerMinute: 6000 });
    expect(() => loadConfig({ CHANNEL_LEDGER_RATE_LIMIT_PUBLIC: 'lots' })).toThrow(/CHANNEL_LEDGER_RATE_LIMIT_PUBLIC/);
  });

  it('allow a client address only a few sign-in attempts a minute on a public route, then 429 with Retry-After', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await request(t.http)
        .post('/auth/sessions')
        .send({ token: `${'0'.repeat(36)}.${'guess'.repeat(8)}${attempt}` });
      expect(response.status).not.toBe(429);
    }
    expectTooMany(
      await request(t.http)
        .post('/auth/sessions')
        .send({ token: `${'0'.repeat(36)}.${'guess'.repeat(9)}` }),
    );
    // Each public route counts on its own: registration is still open to this address.
    const registered = await request(t.http).post('/resellers').send(VALID_REGISTRATION);
    expect(registered.status).toBe(201);
  });

  it('count requests refused for bad input too, so a link request cannot be sprayed either', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await request(t.http).post('/auth/sign-in-links').send({ email: 'not-an-address' })).status).toBe(400);
    }
    expectTooMany(await request(t.http).post('/auth/sign-in-links').send({ email: 'someone@acme.example' }));
  });
});

describe('the signed-in rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { CHANNEL_LEDGER_RATE_LIMIT_SIGNED_IN: '5' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives each principal its own budget, shared by all signed-in routes', async () => {
    const support = await signInStaff(t, 'support');
    const auditor = await signInStaff(t, 'auditor');
    for (let i = 0; i < 5; i++)
      await request(t.http)
        .get(i % 2 ? '/auth/me' : '/projections')
        .set(support.auth)
        .expect(200);
    const refused = await request(t.http).get('/projections').set(support.auth);
    expectProblem(refused, 429, 'too-many-requests');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another principal from the same address has a budget of its own.
    await request(t.http).get('/auth/me').set(auditor.auth).expect(200);
  });
});
