import { Agent, IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { Type } from '@nestjs/common';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { EventStore } from '@channel-ledger/event-store';
import request from 'supertest';
import { ProjectionRunner } from '@channel-ledger/projections';
import { registerVerifiedReseller, signInCustomer, signInStaff, signInVendorAdmin } from '../../test/actors';
import { startTestApp, TestApp } from '../../test/test-app';
import { EVENT_STORE } from '../infrastructure/infrastructure.module';
import { PROJECTION_RUNNER } from '../infrastructure/read-store.provider';
import { listRoutes, Route } from '../openapi/routes';

/**
 * A sweep over every route the router has (enumerated from the controllers' metadata, so routes
 * added later are swept too): wrong types, unknown and missing fields, 1 MB and 10 MB bodies,
 * invalid and too deep JSON, wrong content types, bad ids and garbage cursors. Each must be a 4xx
 * application/problem+json, never a 5xx or a success, and the event log must not move.
 * It runs anonymously and as each kind of signed-in principal, so refusals are not just 401s.
 */

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

interface Probe {
  variant: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

interface Failure {
  who: string;
  route: string;
  variant: string;
  status: number;
  excerpt: string;
}

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_TYPE = { 'Content-Type': 'application/json' };
const UUID = '3f0e4c2a-9b7d-4e61-8a53-2c1d0b9e8f70';

const BAD_IDS: [string, string][] = [
  ['600 characters', 'a'.repeat(600)],
  ['dot-dot', '..'],
  ['encoded ../', '..%2F..%2Fetc%2Fpasswd'],
  ['unicode', '%C3%A9t%C3%A9'],
  ['emoji', '%F0%9F%98%80'],
  ['NUL', '%00'],
  ['broken percent-encoding', '%E0%A4%A'],
];

const FOREIGN_CURSOR = Buffer.from(JSON.stringify({ v: 1, c: 'reseller_customers', f: 'another-query', k: ['x'], i: 'x' })).toString(
  'base64url',
);
const GARBAGE_CURSORS = ['garbage', '%00%FF', FOREIGN_CURSOR, 'e30'];

const ONE_MB = Buffer.from(JSON.stringify({ padding: 'x'.repeat(1024 * 1024) }));
const TEN_MB = Buffer.alloc(10 * 1024 * 1024, 0x20);
const DEEP = '['.repeat(10_000) + ']'.repeat(10_000);

/** Values of the wrong JSON type for a property, by the type the DTO declares (design:type). */
function wrongValuesFor(designType: unknown): unknown[] {
  switch (designType) {
    case String:
      return [12345, true, { a: 1 }, ['x']];
    case Number:
      return ['not a number', true, { a: 1 }, [1]];
    case Boolean:
      return ['yes', 1, { a: 1 }];
    case Array:
      return ['x', 1, { a: 1 }];
    default:
      return ['x', 1, true];
  }
}

interface DtoShape {
  properties: { name: string; designType: unknown; isDate: boolean }[];
  hasRequired: boolean;
}

/** ISO-8601 allows these, or nearly; JavaScript's Date does not read them (an Invalid Date must never get past the DTO). */
const BAD_DATES = ['2026-W10', '2026-W10-1', '2026-060', '2026-02-30', '2026-03-01T25:00:00Z', '+002026-03-01'];

/** The DTO's validated properties and whether any of them is required (class-validator metadata). */
function shapeOf(dto: Type<unknown> | undefined): DtoShape {
  if (!dto) return { properties: [], hasRequired: false };
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const names = [...new Set(metadata.map((m) => m.propertyName))];
  const optional = new Set(metadata.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.propertyName));
  const dates = new Set(metadata.filter((m) => /iso8601|date/i.test(m.name ?? '')).map((m) => m.propertyName));
  return {
    properties: names.map((name) => ({
      name,
      designType: Reflect.getMetadata('design:type', dto.prototype, name),
      isDate: dates.has(name),
    })),
    hasRequired: names.some((name) => !optional.has(name)),
  };
}

/** Who sweeps: request headers, and ids of its own to put in paths (so requests get past tenancy checks). */
interface Sweeper {
  name: string;
  headers: Record<string, string>;
  ids: Record<string, string>;
}

function pathWith(route: Route, ids: Record<string, string>, values: Record<string, string> = {}): string {
  return route.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => values[name] ?? ids[name] ?? UUID);
}

/** Every malformed request this sweep sends to one route. */
function probesFor(route: Route, ids: Record<string, string>): Probe[] {
  const { method } = route;
  const path = pathWith(route, ids);
  const probes: Probe[] = [];
  const params = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]);
  for (const param of params) {
    for (const [name, value] of BAD_IDS)
      probes.push({ variant: `bad id ${param}: ${name}`, method, path: pathWith(route, ids, { [param]: value }) });
  }
  for (const cursor of GARBAGE_CURSORS)
    probes.push({ variant: `garbage cursor ${cursor.slice(0, 12)}`, method, path: `${path}?cursor=${cursor}` });
  probes.push({ variant: 'unknown query parameter', method, path: `${path}?unknownParameter=1` });
  probes.push({ variant: 'query __proto__', method, path: `${path}?__proto__=1` });
  for (const { name, isDate } of shapeOf(route.query).properties) {
    probes.push({ variant: `query ${name} given twice`, method, path: `${path}?${name}=a&${name}=b` });
    if (isDate)
      for (const date of BAD_DATES)
        probes.push({ variant: `query ${name}=${date}`, method, path: `${path}?${name}=${encodeURIComponent(date)}` });
  }
  if (!METHODS_WITH_BODY.has(method)) return probes;

  const json = (variant: string, body: unknown) => probes.push({ variant, method, path, headers: JSON_TYPE, body: JSON.stringify(body) });
  const raw = (variant: string, body: Buffer | string, headers: Record<string, string> = JSON_TYPE) =>
    probes.push({ variant, method, path, headers, body });
  raw('invalid JSON: truncated', '{"a":');
  raw('invalid JSON: single quotes', "{'a': 1}");
  raw('invalid JSON: trailing comma', '{"a":1,}');
  raw('JSON scalar', '"text"');
  raw('JSON array of one', '[1]');
  raw('JSON array of an object', '[{}]');
  raw('10,000 levels deep', DEEP);
  raw('1 MB', ONE_MB);
  raw('10 MB', TEN_MB);
  raw('form post', 'a=1&b=2', { 'Content-Type': 'application/x-www-form-urlencoded' });
  raw('text/plain', '{"a":1}', { 'Content-Type': 'text/plain' });
  raw('multipart', '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--\r\n', {
    'Content-Type': 'multipart/form-data; boundary=b',
  });
  raw('no content type', '{"a":1}', {});
  json('unknown field', { unknownFieldXyz: 1 });
  raw('__proto__ key', '{"__proto__":{"polluted":true}}');
  raw('constructor.prototype keys', '{"constructor":{"prototype":{"polluted":true}}}');
  const shape = shapeOf(route.body);
  if (shape.hasRequired) json('missing fields', {});
  for (const { name, designType, isDate } of shape.properties) {
    for (const value of wrongValuesFor(designType)) json(`wrong type ${name}=${JSON.stringify(value)}`, { [name]: value });
    if (isDate) for (const date of BAD_DATES) json(`bad date ${name}=${date}`, { [name]: date });
  }
  return probes;
}

describe('malformed input, on every route', () => {
  let t: TestApp;
  let store: EventStore;
  let port: number;
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const sweepers: Sweeper[] = [{ name: 'anonymous', headers: {}, ids: {} }];

  beforeAll(async () => {
    t = await startTestApp({ env: { CHANNEL_LEDGER_RATE_LIMIT_PUBLIC: '1000000', CHANNEL_LEDGER_RATE_LIMIT_SIGNED_IN: '1000000' } });
    store = t.app.get<EventStore>(EVENT_STORE);
    await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
    port = (t.http.address() as AddressInfo).port;
    const reseller = await registerVerifiedReseller(t, { companyName: 'Sweep Resale', email: 'sweep@resale.example' });
    // A customer organization of its own, so the customer (its contact) can sign in too.
    const organization = await request(t.http)
      .post('/organizations')
      .set(reseller.session.auth)
      .send({ vendorId: 'vendor-1', name: 'Sweep Customer', customerContactEmail: 'it@sweep-customer.example' })
      .expect(201);
    const organizationId: string = organization.body.organizationId;
    await t.app.get<ProjectionRunner>(PROJECTION_RUNNER).waitUntilCaughtUp(await store.headPosition());
    sweepers.push(
      { name: 'reseller', headers: reseller.session.auth, ids: { resellerId: reseller.resellerId, organizationId } },
      { name: 'customer', headers: (await signInCustomer(t, 'it@sweep-customer.example')).auth, ids: { organizationId } },
      { name: 'support', headers: (await signInStaff(t, 'support')).auth, ids: {} },
      { name: 'auditor', headers: (await signInStaff(t, 'auditor')).auth, ids: {} },
      { name: 'operator', headers: (await signInStaff(t, 'operator')).auth, ids: {} },
      { name: 'vendor-admin', headers: (await signInVendorAdmin(t, 'vendor-1')).auth, ids: { vendorId: 'vendor-1' } },
    );
  }, 60_000);

  afterAll(async () => {
    agent.destroy();
    await t?.close();
  });

  function send(probe: Probe, headers: Record<string, string>): Promise<Reply> {
    const body = probe.body === undefined ? undefined : Buffer.isBuffer(probe.body) ? probe.body : Buffer.from(probe.body);
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          agent,
          method: probe.method,
          path: probe.path,
          headers: { ...headers, ...probe.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Why a reply is not a proper refusal, or null when it is one. */
  function wrongness(reply: Reply): string | null {
    if (reply.status < 400 || reply.status > 499) return `status ${reply.status}`;
    if (!/^application\/problem\+json/.test(String(reply.headers['content-type']))) return `content-type ${reply.headers['content-type']}`;
    let problem: { status?: unknown; code?: unknown };
    try {
      problem = JSON.parse(reply.text);
    } catch {
      return 'body is not JSON';
    }
    if (problem.status !== reply.status || typeof problem.code !== 'string') return 'not a problem document';
    if (/\n\s+at |node_modules|\.ts:\d+|SyntaxError|Unexpected token/.test(reply.text)) return 'leaks internals';
    return null;
  }

  async function sweep({ name, headers, ids }: Sweeper, routes: Route[]): Promise<{ failures: Failure[]; sent: number }> {
    const failures: Failure[] = [];
    const queue = routes.flatMap((route) => probesFor(route, ids).map((probe) => ({ route, probe })));
    let next = 0;
    const worker = async () => {
      while (next < queue.length) {
        const { route, probe } = queue[next++];
        const reply = await send(probe, headers);
        const wrong = wrongness(reply);
        if (wrong) {
          failures.push({
            who: name,
            route: `${route.method} ${route.path}`,
            variant: probe.variant,
            status: reply.status,
            excerpt: `${wrong}: ${reply.text.slice(0, 200)}`,
          });
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    return { failures, sent: queue.length };
  }

  it('enumerates the router, not a hand-written list', () => {
    const routes = listRoutes(t.app);
    const names = routes.map((r) => `${r.method} ${r.path}`);
    expect(names).toEqual(
      expect.arrayContaining(['POST /resellers', 'POST /auth/sign-in-links', 'GET /auth/me', 'GET /resellers/:resellerId/customers']),
    );
    expect(routes.length).toBeGreaterThanOrEqual(15);
    // Express has every one of them (path syntax aside).
    const express = t.app.getHttpAdapter().getInstance() as {
      router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    };
    const registered = new Set(
      express.router.stack.flatMap((layer) =>
        layer.route ? Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${layer.route!.path}`) : [],
      ),
    );
    expect(names.filter((name) => !registered.has(name))).toEqual([]);
  });

  it.each([['anonymous'], ['reseller'], ['customer'], ['support'], ['auditor'], ['operator'], ['vendor-admin']])(
    'refuses every malformed request with a 4xx problem, as %s, and records nothing',
    async (name) => {
      const sweeper = sweepers.find((s) => s.name === name)!;
      const routes = listRoutes(t.app);
      const head = await store.headPosition();
      const { failures, sent } = await sweep(sweeper, routes);
      expect(sent).toBeGreaterThan(routes.length * 5);
      expect(failures.slice(0, 40)).toEqual([]);
      expect(await store.headPosition()).toBe(head);
      // Still signed in: no malformed request ended the session.
      if (name !== 'anonymous') expect((await send({ variant: 'me', method: 'GET', path: '/auth/me' }, sweeper.headers)).status).toBe(200);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    180_000,
  );
});
