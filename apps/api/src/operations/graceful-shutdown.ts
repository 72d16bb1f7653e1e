import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Inject, Injectable, Logger, NestMiddleware, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig } from '@channel-ledger/application';
import { ProjectionRunner } from '@channel-ledger/projections';
import { APP_CONFIG } from '../infrastructure/infrastructure.module';
import { PROJECTION_RUNNER } from '../infrastructure/read-store.provider';
import { PROBLEM_CONTENT_TYPE, problemType } from '../http/problem-details';
import { COMMAND_NAME } from './command-metrics.interceptor';
import { Metrics, METRICS } from './metrics';

/**
 * Graceful shutdown on SIGTERM (and SIGINT), for a process serving HTTP:
 * 1. readiness turns down and new requests get 503 `shutting-down` with `Connection: close`, so a
 *    load balancer moves traffic elsewhere;
 * 2. requests already in flight run to their end (a command appends and answers);
 * 3. projections running in this process catch up with what those commands appended;
 * 4. then Nest carries on: the projection runner commits its batch and checkpoint and stops
 *    (ProjectionsModule), the HTTP server closes, the stores close.
 * Steps 2-3 share CHANNEL_LEDGER_SHUTDOWN_TIMEOUT_MS; past it the shutdown goes on anyway. Nest
 * runs every module's destroy hook before any shutdown hook, which is why this is one.
 *
 * It also measures every HTTP request from the moment its headers arrive (before body parsing,
 * guards or routing): latency by route pattern and status, requests in flight, and the outcome of
 * commands (tagged by CommandMetricsInterceptor).
 */
const ARRIVED_BEFORE_SHUTDOWN = Symbol('channel-ledger:arrived-before-shutdown');

@Injectable()
export class GracefulShutdown implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Shutdown');
  private inFlight = 0;
  private shuttingDown = false;
  private server: Server | null = null;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(METRICS) private readonly metrics: Metrics,
    @Optional() @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner | null,
  ) {}

  get draining(): boolean {
    return this.shuttingDown;
  }

  onApplicationBootstrap(): void {
    this.server = (this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined) ?? null;
    this.server?.on('request', (request: IncomingMessage, response: ServerResponse) => this.track(request as Request, response));
  }

  async onModuleDestroy(): Promise<void> {
    // Only a process that serves connections has requests to drain (tests drive the app without listening).
    if (!this.server?.listening) return;
    this.shuttingDown = true;
    const deadline = Date.now() + this.config.operations.shutdownTimeoutMs;
    this.logger.log(`shutting down: ${this.inFlight} request(s) in flight`);
    while (this.inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    if (this.inFlight > 0)
      this.logger.warn(
        `shutting down with ${this.inFlight} request(s) still in flight after ${this.config.operations.shutdownTimeoutMs} ms`,
      );
    if (this.runner) {
      try {
        await this.runner.waitUntilCaughtUp(undefined, { timeoutMs: Math.max(1, deadline - Date.now()) });
      } catch (error) {
        this.logger.warn(`projections did not catch up before shutdown: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.logger.log('in-flight requests done; stopping projections and closing');
  }

  /** Nest middleware: while draining, requests that arrived after the shutdown began are turned away. */
  refuseWhileDraining(request: Request, response: Response, next: NextFunction): void {
    // One whose headers arrived before is in flight, even if its body came later: it goes through.
    if (!this.shuttingDown || (request as Request & { [ARRIVED_BEFORE_SHUTDOWN]?: boolean })[ARRIVED_BEFORE_SHUTDOWN]) return next();
    response.setHeader('Connection', 'close');
    response
      .status(503)
      .type(PROBLEM_CONTENT_TYPE)
      .send(
        JSON.stringify({
          type: problemType('shutting-down'),
          title: 'The server is shutting down',
          status: 503,
          code: 'shutting-down',
          detail: 'This instance is shutting down; retry the request (another instance will take it).',
          instance: request.originalUrl,
        }),
      );
  }

  private track(request: Request, response: ServerResponse): void {
    (request as Request & { [ARRIVED_BEFORE_SHUTDOWN]?: boolean })[ARRIVED_BEFORE_SHUTDOWN] = !this.shuttingDown;
    this.inFlight++;
    this.metrics.httpInFlight.inc();
    const stop = this.metrics.httpDuration.startTimer();
    response.once('close', () => {
      this.inFlight--;
      this.metrics.httpInFlight.dec();
      const status = response.statusCode;
      const route = request.route?.path ? `${request.baseUrl ?? ''}${String(request.route.path)}` : 'unmatched';
      stop({ method: request.method, route, status: String(status) });
      const command = (request as Request & { [COMMAND_NAME]?: string })[COMMAND_NAME];
      if (command) this.metrics.commands.inc({ command, outcome: commandOutcome(status) });
    });
  }
}

/** Turns requests away during a shutdown; see GracefulShutdown. */
@Injectable()
export class DrainMiddleware implements NestMiddleware {
  constructor(private readonly shutdown: GracefulShutdown) {}

  use(request: Request, response: Response, next: NextFunction): void {
    this.shutdown.refuseWhileDraining(request, response, next);
  }
}

export function commandOutcome(status: number): string {
  if (status < 400) return 'accepted';
  if (status === 400 || status === 413 || status === 415) return 'invalid';
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 422) return 'refused';
  if (status === 429) return 'throttled';
  return status >= 500 ? 'error' : 'invalid';
}
