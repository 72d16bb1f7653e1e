import request from 'supertest';
import { listRoutes, openApiPath, Route } from '../../test/routes';
import { startTestApp, TestApp } from '../../test/test-app';
import { OPENAPI_JSON_PATH, OPENAPI_UI_PATH } from './openapi';

type Operation = {
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  parameters?: { name: string; in: string }[];
  security?: Record<string, string[]>[];
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

const describeRoute = (route: Route) => `${route.method} ${route.path} (${route.controller}.${route.handler})`;

/**
 * The document must keep up with the router: every route is enumerated from the application
 * itself (other slices add routes all the time), never listed here by hand.
 */
describe('OpenAPI document', () => {
  let t: TestApp;
  let routes: Route[];
  let document: Document;
  const operationOf = (route: Route): Operation | undefined => document.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];

  beforeAll(async () => {
    t = await startTestApp();
    routes = listRoutes(t.app);
    document = (await request(t.http).get(OPENAPI_JSON_PATH).expect(200).expect('Content-Type', /json/)).body;
  });
  afterAll(() => t.close());

  it('is served, with Swagger UI, to callers who are not signed in', async () => {
    expect(document.paths).toBeDefined();
    const ui = await request(t.http).get(OPENAPI_UI_PATH).expect(200).expect('Content-Type', /html/);
    expect(ui.text).toContain('swagger-ui');
    await request(t.http).get(`${OPENAPI_UI_PATH}/swagger-ui-init.js`).expect(200);
  });

  it('enumerates exactly the routes Express serves (apart from the document and its UI)', () => {
    const router = (t.app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } }).router;
    // Route middleware sits in the same table: forRoutes(Controller) under the path with a trailing
    // slash, forRoutes('{*path}') (request logging, draining on shutdown) as a wildcard for every method.
    const withoutTrailingSlash = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);
    const served = router.stack
      .filter((layer) => layer.route)
      .flatMap((layer) =>
        Object.keys(layer.route!.methods).map((method) => `${method.toUpperCase()} ${withoutTrailingSlash(layer.route!.path)}`),
      )
      .filter((route) => !/^GET (\/docs($|\/)|\/openapi\.json$)/.test(route) && !route.endsWith(' /{*path}'));
    expect(routes.length).toBeGreaterThan(10);
    expect(new Set(served)).toEqual(new Set(routes.map((route) => `${route.method} ${route.path}`)));
  });

  it('documents every route of the router', () => {
    expect(routes.filter((route) => !operationOf(route)).map(describeRoute)).toEqual([]);
  });

  it('documents the request body of every route whose handler takes one', () => {
    const withBody = routes.filter((route) => ['POST', 'PUT', 'PATCH'].includes(route.method) && route.body);
    expect(withBody.length).toBeGreaterThan(0);
    expect(withBody.filter((route) => !operationOf(route)?.requestBody).map(describeRoute)).toEqual([]);
  });

  it('documents problem+json error responses on every operation', () => {
    const missing = routes.filter((route) => {
      const errors = Object.entries(operationOf(route)?.responses ?? {}).filter(([status]) => Number(status) >= 400);
      return errors.length === 0 || errors.some(([, response]) => !response.content?.['application/problem+json']);
    });
    expect(missing.map(describeRoute)).toEqual([]);
    expect(document.components.schemas.ProblemDetails).toMatchObject({
      required: expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']),
    });
  });

  it('names its security schemes on every route that needs a signed-in principal', () => {
    expect(document.components.securitySchemes).toEqual({
      bearer: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
      'api-key': expect.objectContaining({ type: 'apiKey', in: 'header', name: 'Authorization' }),
    });
    const secured = routes.filter((route) => route.access?.kind === 'roles');
    const unnamed = secured.filter((route) => {
      const schemes = (operationOf(route)?.security ?? []).flatMap((requirement) => Object.keys(requirement));
      return !schemes.includes('bearer') || !schemes.includes('api-key');
    });
    expect(unnamed.map(describeRoute)).toEqual([]);
    const secure = operationOf(secured[0])!;
    expect(Object.keys(secure.responses)).toEqual(expect.arrayContaining(['400', '401', '403', '404', '429']));
  });

  it('documents query parameters from the validation rules, including ones without @ApiProperty', () => {
    const customers = document.paths['/resellers/{resellerId}/customers'].get;
    expect(
      customers
        .parameters!.filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['cursor', 'limit', 'name', 'status']);
    const trail = document.paths['/audit/subscriptions/{subscriptionId}/events'].get;
    expect(trail.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['from', 'to', 'order', 'cursor', 'limit']));
  });
});

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}
