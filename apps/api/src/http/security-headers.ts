import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** Where the OpenAPI explorer lives (see openapi/openapi.ts); its page is the one HTML the API serves. */
export const DOCS_PATH = '/docs';

/**
 * helmet's headers on every response. The API only answers JSON, so its Content-Security-Policy
 * allows nothing at all; the Swagger UI under /docs needs its own scripts and inline styles (and
 * must not be upgraded to https on a plain-http development server), so it gets a policy of its own.
 */
export function securityHeaders(): RequestHandler {
  const api = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
  });
  const docs = helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    frameguard: { action: 'deny' },
  });
  return (request: Request, response: Response, next: NextFunction) =>
    isDocs(request.path) ? docs(request, response, next) : api(request, response, next);
}

function isDocs(path: string): boolean {
  return path === DOCS_PATH || path.startsWith(`${DOCS_PATH}/`) || path.startsWith(`${DOCS_PATH}-`);
}
