import type { Server } from 'node:http';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as JsonLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AppConfig } from '@channel-ledger/application';
import { answerBodyErrors, refuseDeepJson, refuseForbiddenKeys, requireJsonBodies } from './http/request-body';
import { RouteParamsPipe } from './http/route-params.pipe';
import { securityHeaders } from './http/security-headers';
import { UndeclaredInputInterceptor } from './http/undeclared-input.interceptor';
import { createValidationPipe } from './http/validation';
import { setupOpenApi } from './openapi/openapi';

/**
 * Slow clients cannot hold connections open: all headers within 10 s, the whole request (body
 * included) within 30 s, an idle keep-alive connection closed after 5 s.
 */
export const SERVER_TIMEOUTS = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 } as const;

/** Builds the HTTP application the same way for `main.ts` and for end-to-end tests. */
export async function createApp(config: AppConfig, options: { logger?: false } = {}): Promise<INestApplication> {
  // Logs are JSON lines (apps/api/src/operations/logging.ts); `logger: false` silences them, request logs included.
  const logs = options.logger !== false;
  const module = AppModule.forConfig(logs ? config : { ...config, operations: { ...config.operations, logLevel: 'silent' } });
  const app = await NestFactory.create<NestExpressApplication>(module, {
    logger: options.logger,
    bufferLogs: logs,
    // Parsed below, JSON only, after the media-type check; no urlencoded parser (no form can post).
    bodyParser: false,
  });
  if (logs) app.useLogger(app.get(JsonLogger));
  // Before any route: these run in this order for every request.
  app.use(securityHeaders());
  app.use(requireJsonBodies());
  app.useBodyParser('json', { limit: config.bodyLimitBytes, type: 'application/json', strict: true, verify: refuseDeepJson() });
  app.use(refuseForbiddenKeys());
  app.use(answerBodyErrors());

  app.useGlobalPipes(new RouteParamsPipe(), createValidationPipe());
  app.useGlobalInterceptors(new UndeclaredInputInterceptor());
  app.enableShutdownHooks();
  setupOpenApi(app);

  const server = app.getHttpServer() as Server;
  server.headersTimeout = SERVER_TIMEOUTS.headersTimeoutMs;
  server.requestTimeout = SERVER_TIMEOUTS.requestTimeoutMs;
  server.keepAliveTimeout = SERVER_TIMEOUTS.keepAliveTimeoutMs;
  return app;
}
