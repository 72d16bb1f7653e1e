/**
 * Every route of the Nest router: `listRoutes(app)` → `{ method, path, controller, handler, … }[]`,
 * `path` Express style (`/resellers/:resellerId`). Tests enumerate routes with it rather than
 * listing them by hand, so a route added anywhere is covered at once.
 */
export { listRoutes, openApiPath } from '../src/openapi/routes';
export type { Route } from '../src/openapi/routes';
