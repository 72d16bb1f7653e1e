import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { storage } from 'nestjs-pino/storage';
import pino from 'pino';
import type { AppConfig } from '@channel-ledger/application';

/**
 * Structured JSON logs (pino through nestjs-pino): one JSON object a line on stdout, with the
 * request id, the correlation id (X-Correlation-Id) and, once the command's events are appended,
 * the command id and the correlation id the events carry, on every line of that request, the
 * "request completed" line included.
 *
 * No secrets: requests are logged as method, path and status only, never headers or bodies (no
 * Authorization, cookies, API keys or mailed tokens); query values whose names smell of a secret
 * are replaced; any logged object's token/secret/password/apiKey fields are redacted.
 */

const HEADER_TOKEN = /^[A-Za-z0-9._:-]{1,200}$/;
const SECRET_QUERY_KEY = /token|secret|password|key|code|signature|session/i;
export const REDACTED = '[redacted]';

/** Probes and scrapes every few seconds: not worth a log line each. */
const QUIET_ROUTES = new Set(['/health', '/health/ready', '/metrics']);

export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.operations.logLevel,
      base: { service: 'channel-ledger-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      genReqId: (request: IncomingMessage, response: ServerResponse) => {
        const given = headerToken(request, 'x-request-id');
        const id = given ?? randomUUID();
        response.setHeader('X-Request-Id', id);
        return id;
      },
      customProps: (request: IncomingMessage) => {
        const correlationId = headerToken(request, 'x-correlation-id');
        return correlationId ? { correlationId } : {};
      },
      quietReqLogger: true,
      autoLogging: { ignore: (request: IncomingMessage) => QUIET_ROUTES.has(pathOf(request.url)) },
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (request: IncomingMessage & { id?: unknown }) => ({
          id: request.id,
          method: request.method,
          url: redactUrl(request.url ?? ''),
        }),
        res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
        err: pino.stdSerializers.err,
      },
      redact: {
        paths: [
          'req.headers',
          'res.headers',
          '*.authorization',
          '*.cookie',
          '*.token',
          '*.accessToken',
          '*.refreshToken',
          '*.apiKey',
          '*.secret',
          '*.password',
        ],
        censor: REDACTED,
      },
    },
    assignResponse: true,
  };
}

/**
 * Adds fields (command id, correlation id) to every later log line of the current request, the
 * "request completed" line included; a no-op outside a request (the projector, a timer).
 */
export function assignLogContext(fields: Record<string, string>): void {
  const store = storage.getStore();
  if (!store) return;
  // Only what the lines do not carry yet (the X-Correlation-Id header's value is bound already).
  const bound = store.logger.bindings();
  const missing = Object.fromEntries(Object.entries(fields).filter(([key, value]) => bound[key] !== value));
  if (Object.keys(missing).length === 0) return;
  store.logger = store.logger.child(missing);
  store.responseLogger?.setBindings(missing);
}

/** `/auth/verify?token=abc&x=1` → `/auth/verify?token=[redacted]&x=1`. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      return eq >= 0 && SECRET_QUERY_KEY.test(decodeURIComponentSafe(key)) ? `${key}=${REDACTED}` : pair;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
}

function pathOf(url: string | undefined): string {
  const q = (url ?? '').indexOf('?');
  return q < 0 ? (url ?? '') : (url ?? '').slice(0, q);
}

function headerToken(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && HEADER_TOKEN.test(value.trim()) ? value.trim() : undefined;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
